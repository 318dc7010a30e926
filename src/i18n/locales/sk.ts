import type { Catalog } from '../index.ts';
import admin from './admin/sk.ts';

// Slovak (sk). Keys and {placeholders} exactly as in en.ts.
export default {
  ...admin,
  'layout.title': '{title} · {brand}',
  'layout.helpLink': 'Získať pomoc',
  'layout.stale':
    'Stránka bola zastaraná, preto sa nič neodoslalo. Toto je aktuálna stránka: v prípade potreby to skúste znova.',

  'signin.title': 'Prihlásiť sa',
  'signin.username': 'Používateľské meno',
  'signin.usernamePlaceholder': 'niekto@example.com',
  'signin.password': 'Heslo',
  'signin.submit': 'Prihlásiť sa',
  'signin.usePass': 'Prihlásiť sa dočasným prístupovým kódom',
  'signin.passTitle': 'Prihlásenie dočasným prístupovým kódom',
  'signin.passIntro':
    'Správca vám dal dočasný prístupový kód: zadajte ho namiesto hesla. Potom si môžete nastaviť metódy overenia.',
  'signin.passLabel': 'Dočasný prístupový kód',
  'signin.withPassword': 'Prihlásiť sa radšej heslom',
  'signin.differentUser': 'Prihlásiť sa ako iný používateľ',

  'account.title': 'Moje konto',
  'account.signedInAs': 'Prihlásený používateľ: {name} ({upn})',
  'account.mfa': 'Viacfaktorové overovanie',
  'account.methods': 'Metódy overenia',
  'account.noMethods': 'Nie je zaregistrovaná žiadna metóda',
  'account.signOut': 'Odhlásiť sa',

  'mfaState.Disabled': 'Zakázané',
  'mfaState.Enabled': 'Povolené',
  'mfaState.Enforced': 'Vynútené',

  'campaign.title': 'Zabezpečte svoje prihlásenia',
  'campaign.intro':
    'Prihlásili ste sa textovou správou alebo hovorom. Nastavte si Portcullis Authenticator alebo prístupový kľúč: je to rýchlejšie a nedá sa to zachytiť ako správy a hovory.',
  'campaign.askedAgain':
    '{days, plural, =0 {Opýtame sa znova pri ďalšom prihlásení.} one {Opýtame sa znova o # deň.} few {Opýtame sa znova o # dni.} many {Opýtame sa znova o # dní.} other {Opýtame sa znova o # dní.}}',
  'campaign.snoozesLeft':
    '{count, plural, one {Môžete to odložiť ešte #-krát.} few {Môžete to odložiť ešte #-krát.} many {Môžete to odložiť ešte #-krát.} other {Môžete to odložiť ešte #-krát.}}',
  'campaign.mustSetUp':
    'Odložili ste to toľkokrát, koľkokrát to vaša organizácia dovoľuje: nastavte si teraz jednu z metód a pokračujte.',
  'proofup.title': 'Vyžadujú sa ďalšie informácie',
  'proofup.intro':
    'Vaša organizácia potrebuje ďalšie informácie, aby mohla zabezpečiť vaše konto. Vyberte, ako chcete overiť svoju totožnosť.',
  'proofup.legend': 'Metóda overenia',
  'proofup.next': 'Ďalej',
  'proofup.chooseAnother': 'Zvoliť inú metódu',
  'password.title': 'Zvoľte nové heslo',
  'password.intro':
    'Správca vám obnovil heslo. Ak chcete pokračovať, zvoľte nové; jednorazové heslo tým prestane platiť.',
  'password.introRisk':
    'Bol nahlásený hovor, SMS alebo oznámenie, o ktoré ste nežiadali: vaše heslo možno pozná niekto iný. Pokračujte zvolením nového hesla.',
  'password.new': 'Nové heslo (aspoň 8 znakov)',
  'password.confirm': 'Nové heslo znova',
  'password.submit': 'Zmeniť heslo',
  'password.mismatch': 'Heslá sa nezhodujú.',
  'password.same': 'Zvoľte iné heslo ako jednorazové.',
  'password.length':
    '{max, plural, one {Heslo musí mať {min} až # znak.} few {Heslo musí mať {min} až # znaky.} many {Heslo musí mať {min} až # znaku.} other {Heslo musí mať {min} až # znakov.}}',
  'password.common':
    'Toto heslo je príliš bežné: je na zozname hesiel, ktoré útočníci skúšajú ako prvé. Zvoľte iné.',
  'password.changeTitle': 'Zmena hesla',
  'password.changeIntro':
    'Zadajte súčasné heslo a potom nové. Najlepšie je dlhé heslo, ktoré si ľahko zapamätáte, napríklad niekoľko nesúvisiacich slov. Po zmene budete všade inde odhlásení a zapamätané zariadenia sa budú musieť znova overiť.',
  'password.current': 'Súčasné heslo',
  'password.currentWrong': 'Súčasné heslo nie je správne.',
  'password.reuse': 'Zvoľte iné heslo, ako je to súčasné.',
  'password.tooMany':
    'Príliš veľa chybných hesiel. Skúste to znova o {seconds, plural, one {# sekundu} few {# sekundy} many {# sekundy} other {# sekúnd}}.',
  'password.changed': 'Heslo bolo zmenené. Všade inde ste boli odhlásení.',
  'password.appPasswordsDeleted':
    'Vaša organizácia pri zmene hesla maže heslá aplikácií: kde ich potrebujete, vytvorte nové.',
  'password.back': 'Späť na moje konto',
  'enrol.title': 'Nastavenie: {method}',

  'verify.title': 'Overte svoju totožnosť',
  'verify.otherOptions': 'Použiť inú možnosť overenia',
  'verify.lostTitle': 'Nemôžete použiť túto metódu?',
  'verify.lostWithRecovery':
    'Ak ste telefón stratili alebo ho nemôžete použiť, zvoľte „Použiť inú možnosť overenia“ a prihláste sa jedným zo svojich kódov na obnovenie. Potom si v časti Bezpečnostné údaje zaregistrujte nový telefón.',
  'verify.lostNoRecovery':
    'Ak ste telefón stratili alebo ho nemôžete použiť, obráťte sa na svojho správcu: môže vaše metódy overenia resetovať, aby ste si mohli zaregistrovať nové.',
  'noMethod.title': 'Momentálne sa nemôžete prihlásiť',
  'noMethod.body':
    'Vaše konto vyžaduje druhú metódu overenia, ale nedá sa použiť žiadna z metód, ktoré vaša organizácia povoľuje. Obráťte sa na svojho správcu.',

  'code.label': 'Kód',
  'code.verify': 'Overiť',
  'notify.methodAdded':
    '{issuer}: k metódam prihlásenia účtu {upn} bola pridaná metóda {method}. Ak ste to neboli vy, informujte IT oddelenie.',
  'notify.methodRemoved':
    '{issuer}: z metód prihlásenia účtu {upn} bola odobraná metóda {method}. Ak ste to neboli vy, informujte IT oddelenie.',
  'notice.title': 'Prihlásené',
  'notice.continue': 'Pokračovať',
  'code.remember':
    'Na tomto zariadení sa {days, plural, one {# deň} few {# dni} many {# dňa} other {# dní}} nepýtať',
  'proofup.graceLeft':
    '{days, plural, one {Registráciu môžete odložiť ešte o # deň.} few {Registráciu môžete odložiť ešte o # dni.} many {Registráciu môžete odložiť ešte o # dňa.} other {Registráciu môžete odložiť ešte o # dní.}}',
  'proofup.postpone': 'Teraz nie',

  'method.PhoneAppOTP.label': 'Overovacia aplikácia',
  'method.PhoneAppOTP.description': 'Použite kód z overovacej aplikácie v telefóne.',
  'method.OneWaySMS.label': 'Textová správa',
  'method.OneWaySMS.description': 'Nechajte si poslať kód textovou správou na mobilný telefón.',
  'method.TwoWayVoiceMobile.label': 'Telefonický hovor',
  'method.TwoWayVoiceMobile.description': 'Prijmite hovor na mobilnom telefóne a stlačte #.',
  'method.TwoWayVoiceAlternateMobile.label': 'Hovor na alternatívny telefón',
  'method.TwoWayVoiceAlternateMobile.description':
    'Prijmite hovor na inom mobilnom telefóne a stlačte #.',
  'method.TwoWayVoiceOffice.label': 'Hovor na pracovný telefón',
  'method.TwoWayVoiceOffice.description':
    'Prijmite hovor na svojom pracovnom telefóne a stlačte #.',

  // RecoveryCode
  'method.RecoveryCode.label': 'Kódy na obnovenie',
  'method.RecoveryCode.description':
    'Použite jeden z desiatich uložených jednorazových kódov, keď nemôžete použiť iné metódy.',
  'recovery.intro':
    'Uložte si tieto kódy na obnovenie na bezpečné miesto, napríklad do správcu hesiel alebo na vytlačený papier. Každým kódom sa môžete raz prihlásiť, keď nemôžete použiť iné metódy. Znova sa už nezobrazia.',
  'recovery.replaces': 'Vaše predchádzajúce kódy na obnovenie prestanú platiť, keď uložíte tieto.',
  'recovery.listLabel': 'Vaše kódy na obnovenie',
  'recovery.download': 'Stiahnuť ako textový súbor',
  'recovery.saved': 'Tieto kódy mám uložené',
  'recovery.confirm': 'Uložte si kódy na obnovenie a potom potvrďte, že ich máte uložené.',
  'recovery.fileTitle': 'Kódy na obnovenie {issuer} pre účet {upn} (vytvorené {date})',
  'recovery.fileNote': 'Každý kód možno použiť iba raz. Uložte tento súbor na bezpečné miesto.',
  'recovery.enterCode': 'Zadajte jeden zo svojich kódov na obnovenie. Každý kód funguje iba raz.',
  'recovery.label': 'Kód na obnovenie',
  'recovery.left':
    '{count, plural, =0 {Nezostal vám žiadny kód na obnovenie. Vytvorte si nové v bezpečnostných údajoch.} one {Zostáva vám # kód na obnovenie.} few {Zostávajú vám # kódy na obnovenie.} many {Zostáva vám # kódu na obnovenie.} other {Zostáva vám # kódov na obnovenie.}}',

  'method.Passkey.label': 'Prístupový kľúč',
  'method.Passkey.description':
    'Použite prístupový kľúč: odomknutie zariadenia alebo bezpečnostný kľúč.',
  'passkey.intro':
    'Vytvorte prístupový kľúč v tomto zariadení alebo na bezpečnostnom kľúči. Prehliadač vás požiada o potvrdenie.',
  'passkey.name': 'Názov prístupového kľúča',
  'passkey.create': 'Vytvoriť prístupový kľúč',
  'passkey.attestation.missing':
    'Tento prístupový kľúč nepreukázal výrobcu a model a vaša organizácia prijíma len kľúče, ktoré to robia. Použite bezpečnostný kľúč schválený vašou organizáciou alebo zvoľte inú metódu.',
  'passkey.attestation.untrusted':
    'Vaša organizácia nedôveruje výrobcovi tohto prístupového kľúča. Použite bezpečnostný kľúč schválený vašou organizáciou alebo zvoľte inú metódu.',
  'passkey.modelNotAllowed':
    'Vaša organizácia túto značku ani model prístupového kľúča nepovoľuje. Použite iný bezpečnostný kľúč alebo zariadenie, alebo zvoľte inú metódu.',
  'passkey.notCreated': 'Prístupový kľúč nebol vytvorený. Skúste to znova alebo zvoľte inú metódu.',
  'passkey.verifyIntro':
    'Potvrďte svoju totožnosť prístupovým kľúčom. Prehliadač vás požiada o potvrdenie.',
  'passkey.use': 'Použiť prístupový kľúč',
  'passkey.notUsed':
    'Prístupový kľúč nebol použitý. Skúste to znova alebo zvoľte inú možnosť overenia.',
  'passkey.needsScript':
    'Prístupové kľúče vyžadujú JavaScript. Zapnite ho alebo zvoľte inú metódu.',
  'passkey.signin': 'Prihlásiť sa prístupovým kľúčom',
  'passkey.signinFailed':
    'Prístupový kľúč nebol použitý. Skúste to znova alebo sa prihláste heslom.',

  'method.PhoneAppNotification.label': 'Portcullis Authenticator',
  'method.PhoneAppNotification.description':
    'Schváliť oznámenie v aplikácii Portcullis Authenticator.',
  'push.scan':
    'Otvorte v telefóne Portcullis Authenticator a naskenujte tento QR kód, alebo otvorte odkaz v zariadení, ktoré budete používať.',
  'push.qrLabel': 'QR kód na aktiváciu aplikácie Portcullis Authenticator',
  'push.orOpen': 'Alebo otvorte v telefóne túto adresu:',
  'push.codeIntro': 'a zadajte aktivačný kód:',
  'push.continue': 'Pokračovať',
  'push.waitingDevice': 'Čaká sa na aktiváciu aplikácie…',
  'push.activationExpired': 'Aktivačný kód už neplatí. Začnite znova a získajte nový.',
  'push.approve':
    'Otvorte Portcullis Authenticator a zadajte toto číslo, aby ste prihlásenie schválili:',
  'push.waiting': 'Čaká sa na vaše schválenie v aplikácii…',
  'push.notWaiting': 'Vo vašej aplikácii nečaká žiadna požiadavka.',
  'push.again': 'Odoslať novú požiadavku',
  'push.noAnswer': 'Na požiadavku nikto včas neodpovedal.',
  'push.wrongNumber': 'Číslo zadané v aplikácii nesúhlasilo. Požiadavka bola odmietnutá.',
  'push.denied': 'Požiadavka bola v aplikácii zamietnutá.',
  'push.paused':
    'Oznámenia do vašej aplikácie sú po niekoľkých zamietnutých alebo nezodpovedaných požiadavkách pozastavené. Zvoľte iný spôsob overenia.',
  'push.busy':
    'Na schválenie vo vašej aplikácii už čaká iné prihlásenie. Odpovedzte naň alebo počkajte a skúste to znova.',
  'push.useCode': 'Namiesto toho zadať kód z aplikácie',
  'push.enableNotifications': 'Zapnúť upozornenia',
  'authenticator.title': 'Portcullis Authenticator',
  'authenticator.intro':
    'Zadajte aktivačný kód zobrazený na prihlasovacej stránke, alebo naskenujte jeho QR kód.',
  'authenticator.code': 'Aktivačný kód',
  'authenticator.activate': 'Aktivovať',
  'authenticator.activated':
    'Táto aplikácia je nastavená pre {upn}. Požiadavky na prihlásenie sa zobrazia tu.',
  'authenticator.failed': 'Aktivácia zlyhala. Skontrolujte kód a skúste to znova.',
  'authenticator.idle': 'Nečaká žiadna požiadavka na prihlásenie.',
  'authenticator.request':
    'Prihlasujete sa do {application} ako {upn}? Z adresy {address} o {time}.',
  'authenticator.number': 'Číslo zobrazené na prihlasovacej stránke',
  'authenticator.approveButton': 'Schváliť',
  'authenticator.deny': 'Zamietnuť',
  'authenticator.fraud': 'Zamietnuť a nahlásiť podvod',
  'authenticator.approved': 'Schválené.',
  'authenticator.refused': 'Požiadavka bola odmietnutá.',
  'authenticator.codeFor': 'Kód pre {upn}',
  'authenticator.codeExpires': 'Nový kód o {seconds} s',
  'place.privateNetwork': 'Súkromná sieť',

  'totp.scan':
    'Naskenujte tento QR kód overovacou aplikáciou a potom zadajte šesťmiestny kód, ktorý aplikácia zobrazí.',
  'totp.qrLabel': 'QR kód pre vašu overovaciu aplikáciu',
  'totp.cantScan': 'Nemôžete naskenovať QR kód?',
  'totp.secretIntro':
    'Zadajte do aplikácie tento tajný kľúč (časový, 6 číslic, každých 30 sekúnd):',
  'totp.uriIntro': 'Alebo použite túto adresu:',
  'totp.enterCode': 'Zadajte kód zobrazený v overovacej aplikácii.',

  'phone.country': 'Krajina alebo oblasť',
  'phone.number': 'Telefónne číslo',
  'phone.extension': 'Klapka (voliteľné)',
  'phone.invalid': 'Toto nevyzerá ako platné telefónne číslo. Skontrolujte krajinu a číslo.',
  'phone.how': 'Ako máme overiť tento telefón?',
  'phone.textMe': 'Poslať mi kód textovou správou',
  'phone.callMe': 'Zavolať mi',
  'phone.intro': 'Ktoré telefónne číslo chcete použiť?',
  'phone.fromDirectory': 'Moje mobilné číslo {number} z adresára vašej organizácie',
  'phone.otherNumber': 'Iné číslo:',
  'sms.sent': 'Na číslo {number} sme poslali textovú správu s kódom. Zadajte kód nižšie.',
  'sms.resend': 'Poslať nový kód',
  'sms.notMe': 'To som nebol(a) ja',
  'sms.text':
    '{code} je váš overovací kód pre {issuer}. Platnosť vyprší o {minutes, plural, one {# minútu} few {# minúty} many {# minúty} other {# minút}}.',
  'call.calling': 'Voláme na číslo {number}. Prijmite hovor a pokračujte stlačením #.',
  'call.continue': 'Pokračovať',
  'call.waiting': 'Čaká sa, kým prijmete hovor…',
  'call.again': 'Zavolať znova',
  'call.noAnswer': 'Hovor nebol prijatý včas. Nechajte si zavolať znova alebo použite inú možnosť.',
  'call.declined':
    'Hovor sa skončil bez schválenia. Nechajte si zavolať znova alebo použite inú možnosť.',
  'radius.totp': 'Zadajte kód z overovacej aplikácie:',
  'radius.sms': 'Zadajte kód, ktorý sme poslali na {number}:',
  'radius.recovery': 'Zadajte jeden zo svojich kódov na obnovenie:',
  'radius.push':
    'Schváľte prihlásenie v aplikácii Portcullis Authenticator: vyberte {number}. Potom stlačte Enter.',
  'call.prompt':
    'Dobrý deň, tu je {issuer}. Niekto sa prihlasuje do vášho konta. Ak chcete prihlásenie schváliť, stlačte mriežku. Ak ste sa nepokúšali prihlásiť, nahláste podvod tak, že stlačíte nulu a potom mriežku.',
  'call.approved': 'Ďakujeme. Vaše prihlásenie je schválené. Dovidenia.',
  'call.fraudRecorded': 'Ďakujeme. Vaše nahlásenie podvodu bolo zaznamenané. Dovidenia.',

  'fraud.title': 'Nahlásiť podvod',
  'fraud.question':
    'Dostali ste kód, o ktorý ste nežiadali? Ak ste sa nepokúšali prihlásiť, nahláste to: vaše konto bude chránené a váš správca bude informovaný.',
  'fraud.submit': 'Nahlásiť podvod',
  'fraud.cancel': 'Späť',
  'fraud.done':
    'Ďakujeme. Vaše hlásenie bolo zaznamenané. Vaše konto je chránené, kým ho neskontroluje správca.',

  'apppw.title': 'Heslá aplikácií',

  'apppw.intro':
    'Programy, ktoré nedokážu overiť vašu totožnosť druhým spôsobom, ako sú niektorí poštoví klienti, sa prihlasujú heslom aplikácie namiesto vášho hesla. Pre každý program vytvorte samostatné heslo aplikácie.',

  'apppw.name': 'Názov',

  'apppw.namePlaceholder': 'napr. Pošta na mojom notebooku',

  'apppw.scope': 'Len pre tieto aplikácie (voliteľné)',

  'apppw.anyApp': 'Ľubovoľná aplikácia',

  'apppw.expiry': 'Platnosť vyprší',

  'apppw.never': 'Nikdy',

  'apppw.inDays': '{days, plural, one {O # deň} few {O # dni} many {O # dňa} other {O # dní}}',

  'apppw.create': 'Vytvoriť heslo aplikácie',

  'apppw.createdTitle': 'Vaše nové heslo aplikácie',

  'apppw.showOnce':
    'Skopírujte ho teraz a zadajte ho do programu namiesto svojho hesla. Znova sa už nezobrazí.',

  'apppw.copy': 'Kopírovať',

  'apppw.empty': 'Nemáte žiadne heslá aplikácií.',

  'apppw.colName': 'Názov',

  'apppw.colScope': 'Aplikácie',

  'apppw.colCreated': 'Vytvorené',

  'apppw.colLastUsed': 'Naposledy použité',

  'apppw.colExpires': 'Platnosť vyprší',

  'apppw.neverUsed': 'Nikdy nepoužité',

  'apppw.usedFrom': '{time} z adresy {address}',

  'apppw.delete': 'Odstrániť',

  'apppw.deleted': 'Heslo aplikácie bolo odstránené.',

  'apppw.disabled': 'Vaša organizácia nepovoľuje heslá aplikácií.',

  'apppw.nameRequired': 'Zadajte názov hesla aplikácie.',

  'apppw.tooMany':
    '{max, plural, one {Máte # heslo aplikácie, čo je najvyšší povolený počet. Najprv ho odstráňte.} few {Máte # heslá aplikácií, čo je najvyšší povolený počet. Najprv jedno odstráňte.} many {Máte # hesla aplikácie, čo je najvyšší povolený počet. Najprv jedno odstráňte.} other {Máte # hesiel aplikácií, čo je najvyšší povolený počet. Najprv jedno odstráňte.}}',

  'apppw.back': 'Späť na moje konto',

  'proofup.appPasswordsTitle': 'Heslá aplikácií',

  'proofup.appPasswordsBody':
    'Odteraz vaše heslo funguje len vo webových prehliadačoch. Poštoví klienti a ďalšie programy, ktoré nedokážu overiť vašu totožnosť, namiesto neho potrebujú heslo aplikácie.',

  'proofup.done': 'Hotovo',

  'account.admin': 'Portál správcu',
  'account.appPasswords': 'Heslá aplikácií',
  'account.securityInfo': 'Bezpečnostné údaje',
  'security.title': 'Bezpečnostné údaje',
  'security.intro': 'Ako sa prihlasujete a preukazujete, že ste to vy.',
  'security.methods': 'Metódy prihlásenia',
  'security.method': 'Metóda',
  'security.detail': 'Podrobnosti',
  'security.added': 'Pridané',
  'security.lastUsed': 'Naposledy použité',
  'security.actions': 'Akcie',
  'security.isDefault': 'predvolená',
  'security.makeDefault': 'Nastaviť ako predvolenú',
  'security.delete': 'Odstrániť',
  'security.none': 'Zatiaľ nemáte žiadnu overovaciu metódu.',
  'security.addChoose': 'Metóda na pridanie',
  'security.add': 'Pridať metódu',
  'security.addTitle': 'Pridať: {method}',
  'security.deleteTitle': 'Odstrániť {method}?',
  'security.deleteBody': 'Metódu {method} už nebudete môcť použiť na prihlásenie.',
  'security.cancel': 'Zrušiť',
  'security.lastMethod':
    'Toto je vaša jediná overovacia metóda a váš účet vyžaduje viacfaktorové overovanie: najprv pridajte inú metódu.',
  'security.onlyBackupsLeft':
    'Nemôžete odstrániť svoju poslednú metódu, ktorá funguje samostatne: zostala by vám len metóda „{methods}“, ktorá iba zálohuje inú metódu. Najprv pridajte inú metódu alebo odstráňte „{methods}“.',
  'security.backupNotDefault': 'Táto metóda iba zálohuje inú: nemôže byť predvolená.',
  'security.password': 'Heslo',
  'security.changePassword': 'Zmeniť heslo',
  'security.appPasswords': 'Heslá aplikácií',
  'security.appPasswordCount':
    '{n, plural, =0 {Žiadne heslá aplikácií.} one {# heslo aplikácie.} few {# heslá aplikácií.} many {# hesla aplikácie.} other {# hesiel aplikácií.}}',
  'security.manage': 'Spravovať',
  'security.devices': 'Zapamätané zariadenia',
  'security.deviceCount':
    '{n, plural, =0 {Žiadne zariadenie nepreskakuje druhý krok.} one {# zariadenie preskakuje druhý krok.} few {# zariadenia preskakujú druhý krok.} many {# zariadenia preskakuje druhý krok.} other {# zariadení preskakuje druhý krok.}}',
  'security.forgetAll': 'Zabudnúť všetko',
  'security.recent': 'Nedávne prihlásenia',
  'security.when': 'Kedy',
  'security.application': 'Aplikácia',
  'security.address': 'Adresa',
  'security.result': 'Výsledok',
  'security.result.success': 'Úspech',
  'security.result.failure': 'Neúspech',
  'security.result.interrupted': 'Prerušené',
  'security.done.added': 'Metóda bola pridaná.',
  'security.done.deleted': 'Metóda bola odstránená.',
  'security.done.default': 'Vaša predvolená metóda bola zmenená.',
  'security.done.forgotten':
    'Zapamätané zariadenia boli zabudnuté: každé sa znova opýta na druhý krok.',
  'security.back': 'Späť na môj účet',

  'admin.outbox.title': 'Textové správy a hovory sa nedoručujú',
  'admin.outbox.body':
    'Nie je nastavený žiadny poskytovateľ telefónie (PORTCULLIS_TELEPHONY=outbox). Správy a hovory metód označených nižšie zostávajú v odchádzajúcej schránke tohto servera a nedostanú sa na žiadny telefón: kto si niektorú z nich zvolí, nemôže sa ňou prihlásiť. Na serveri ich možno prečítať príkazom portcullis outbox.',
  'admin.outbox.simulatorOn':
    'Simulátor telefónu je zapnutý: zobrazuje ich na /_dev/phone tomuto počítaču a správcom.',
  'admin.outbox.simulatorOff':
    'Na vyskúšanie ich simulátor telefónu zobrazí na /_dev/phone, keď nastavíte PORTCULLIS_PHONE_SIMULATOR=true (len tomuto počítaču a správcom).',
  'admin.outbox.configure':
    'Aby sa doručovali, nastavte PORTCULLIS_TELEPHONY=webhook spolu s PORTCULLIS_WEBHOOK_URL a PORTCULLIS_WEBHOOK_SECRET (vaša vlastná brána pre SMS a hovory dostáva podpísaný JSON) alebo PORTCULLIS_TELEPHONY=twilio spolu s PORTCULLIS_TWILIO_ACCOUNT_SID, PORTCULLIS_TWILIO_AUTH_TOKEN a PORTCULLIS_TWILIO_FROM a reštartujte Portcullis (pozri docs/configuration.md). Dovtedy tieto metódy nechajte nezaškrtnuté.',
  'admin.outbox.tag': 'nedoručuje sa',

  'error.title': 'Nepodarilo sa to',
  'error.serverTitle': 'Niečo sa pokazilo',
  'error.notFoundTitle': 'Stránka sa nenašla',
  'error.notFound': 'Na tejto adrese sa nenachádza žiadna stránka.',
  'error.backToSignin': 'Prejsť na prihlasovaciu stránku',
  'error.invalid_credentials': 'Vaše konto alebo heslo je nesprávne.',
  'error.invalid_code': 'Tento kód nie je správny. Skúste to znova.',
  'error.code_expired':
    'Platnosť kódu vypršala. Zadajte posledný zaslaný kód alebo si nechajte poslať nový.',
  'error.too_many_attempts': 'Príliš veľa pokusov. Chvíľu počkajte a skúste to znova.',
  'error.too_many_passwords':
    'Príliš veľa neúspešných prihlásení. Skúste to znova o {seconds, plural, one {# sekundu} few {# sekundy} many {# sekundy} other {# sekúnd}}.',
  'error.too_many_codes':
    'Príliš veľa nesprávnych kódov. Skúste to znova o {seconds, plural, one {# sekundu} few {# sekundy} many {# sekundy} other {# sekúnd}}.',
  'error.attempt_ended': 'Príliš veľa nesprávnych kódov. Prihláste sa znova.',
  'error.too_many_at_once': 'Príliš veľa kódov naraz. Skúste to o chvíľu znova.',
  'error.codes_locked':
    'Príliš veľa nesprávnych kódov: overenie je pre tento účet zablokované. Požiadajte správcu o odblokovanie.',
  'error.signin_locked':
    'Príliš veľa neúspešných prihlásení: prihlásenie je pre tento účet zablokované. Požiadajte správcu o odblokovanie.',
  'error.signin_expired':
    'Platnosť vášho pokusu o prihlásenie uplynula alebo bol pokus ukončený. Prihláste sa znova.',
  'error.csrf_failed':
    'Platnosť tohto formulára uplynula alebo nebol odoslaný z tejto lokality. Obnovte stránku a skúste to znova.',
  'error.rate_limited':
    'Odoslalo sa príliš veľa správ alebo hovorov. Skúste to znova o {minutes, plural, one {# minútu} few {# minúty} many {# minúty} other {# minút}}.',
  'error.delivery_failed':
    'Váš telefón sa teraz nepodarilo zastihnúť. Skúste to o chvíľu znova alebo použite inú možnosť.',
  'error.service_unavailable': 'Služba je dočasne nedostupná. Skúste to čoskoro znova.',
  'error.signin_unavailable':
    'Prihlásenie je dočasne nedostupné. Skúste to znova o niekoľko minút.',
  'error.managed_by_directory': 'Toto spravuje adresár vašej organizácie: zmeňte to tam.',
  'error.busy': 'Práve sa prihlasuje príliš veľa ľudí. Skúste to o sekundu znova.',
  'error.internal_error': 'Na našej strane sa niečo pokazilo.',

  'mail.greeting': 'Dobrý deň, {name},',
  'mail.footer': 'Ak ste túto správu nečakali, dajte vedieť svojmu správcovi.\n— {issuer}',
  'mail.invitation.subject': 'Nastavte si účet {issuer}',
  'mail.invitation.body':
    'Bol pre vás vytvorený účet: {upn}.\n\nOtvorte tento odkaz, zvoľte si heslo a nastavte, ako budete pri prihlásení preukazovať, že ste to vy:\n{link}\n\nOdkaz funguje raz a vyprší o {days, plural, one {# deň} few {# dni} many {# dňa} other {# dní}}.',
  'mail.methodAdded.subject': 'K vášmu účtu bola pridaná metóda overenia',
  'mail.methodAdded.body':
    '{method} bola pridaná ako spôsob overenia vašich prihlásení do {upn}.\n\nAk ste to neboli vy, ihneď to oznámte svojmu správcovi: za vás sa môže prihlásiť niekto iný.',
  'mail.methodRemoved.subject': 'Z vášho účtu bola odobraná metóda overenia',
  'mail.methodRemoved.body':
    '{method} bola odobraná zo spôsobov overenia vašich prihlásení do {upn}.\n\nAk ste to neboli vy, ihneď to oznámte svojmu správcovi.',
  'mail.appPassword.subject': 'Pre váš účet bolo vytvorené heslo aplikácie',
  'mail.appPassword.body':
    'Pre {upn} bolo vytvorené heslo aplikácie s názvom „{name}“. Programy, ktoré nepodporujú viacfaktorové overovanie, sa ním prihlasujú.\n\nAk ste to neboli vy, odstráňte ho na stránke svojho účtu a dajte vedieť svojmu správcovi.',
  'mail.passwordChanged.subject': 'Vaše heslo bolo zmenené',
  'mail.passwordChanged.body':
    'Heslo účtu {upn} bolo zmenené.\n\nAk ste to neboli vy, ihneď to oznámte svojmu správcovi.',
  'invite.title': 'Nastavenie účtu',
  'invite.intro':
    'Zvoľte si heslo pre {upn}. Potom nastavíte, ako budete pri prihlásení preukazovať, že ste to vy.',
  'invite.submit': 'Nastaviť heslo a pokračovať',
  'invite.expired':
    'Platnosť tohto odkazu s pozvánkou vypršala alebo už bol použitý. Požiadajte správcu o nový.',
  'signout.confirm': 'Ste prihlásení ako {upn}. Odhlásiť sa z {issuer}?',
  'device.title': 'Prihlásenie na inom zariadení',
  'device.intro': 'Zadajte kód, ktorý zobrazuje vaše zariadenie alebo aplikácia.',
  'device.code': 'Kód',
  'device.next': 'Ďalej',
  'device.noCode': 'Zadajte kód zobrazený na vašom zariadení.',
  'device.wrongCode':
    'Tento kód nie je správny. Skontrolujte kód na svojom zariadení a skúste to znova.',
  'device.expired':
    'Platnosť tohto kódu vypršala. Začnite na svojom zariadení znova a získajte nový.',
  'device.used': 'Tento kód už bol použitý. Začnite na svojom zariadení znova a získajte nový.',
  'device.cancelled':
    'Prihlásenie ste zrušili. Vaše zariadenie nebolo prihlásené; toto okno môžete zavrieť.',
  'device.failed': 'Prihlásenie sa nepodarilo dokončiť.',
  'device.tooMany': 'Príliš veľa chybných kódov z vašej siete. Chvíľu počkajte a skúste to znova.',
  'device.again': 'Zadať kód znova',
  'device.confirmTitle': 'Prihlásiť sa do {app}?',
  'device.confirmAsking': '{app} žiada o prihlásenie vaším účtom na zariadení.',
  'device.confirmCheck': 'Skontrolujte, či vaše zariadenie zobrazuje tento kód:',
  'device.confirmFrom': 'Žiadosť prišla z {ip}.',
  'device.confirmWarning':
    'Pokračujte, len ak ste prihlásenie začali sami, na zariadení, ktoré máte pri sebe. Ak vám tento kód niekto poslal, zrušte to.',
  'device.continue': 'Pokračovať',
  'device.cancel': 'Zrušiť',
  'device.doneTitle': 'Ste prihlásení',
  'device.done': '{app} je teraz na vašom zariadení prihlásená. Toto okno môžete zavrieť.',
} satisfies Catalog;
