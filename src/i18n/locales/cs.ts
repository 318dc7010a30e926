import type { Catalog } from '../index.ts';
import admin from './admin/cs.ts';

// Czech (cs). Keys and {placeholders} exactly as in en.ts.
export default {
  ...admin,
  'layout.title': '{title} · {brand}',
  'layout.helpLink': 'Získat pomoc',
  'layout.stale':
    'Stránka byla zastaralá, proto se nic neodeslalo. Toto je aktuální stránka: v případě potřeby to zkuste znovu.',

  'signin.title': 'Přihlásit se',
  'signin.username': 'Uživatelské jméno',
  'signin.usernamePlaceholder': 'nekdo@example.com',
  'signin.password': 'Heslo',
  'signin.submit': 'Přihlásit se',
  'signin.usePass': 'Přihlásit se dočasným přístupovým kódem',
  'signin.passTitle': 'Přihlášení dočasným přístupovým kódem',
  'signin.passIntro':
    'Správce vám dal dočasný přístupový kód: zadejte ho místo hesla. Potom si můžete nastavit metody ověření.',
  'signin.passLabel': 'Dočasný přístupový kód',
  'signin.withPassword': 'Přihlásit se raději heslem',
  'signin.differentUser': 'Přihlásit se jako jiný uživatel',

  'account.title': 'Můj účet',
  'account.signedInAs': 'Přihlášený uživatel: {name} ({upn})',
  'account.mfa': 'Vícefaktorové ověřování',
  'account.methods': 'Metody ověření',
  'account.noMethods': 'Není zaregistrovaná žádná metoda',
  'account.signOut': 'Odhlásit se',

  'mfaState.Disabled': 'Zakázáno',
  'mfaState.Enabled': 'Povoleno',
  'mfaState.Enforced': 'Vynuceno',

  'campaign.title': 'Zabezpečte svá přihlášení',
  'campaign.intro':
    'Přihlásili jste se textovou zprávou nebo hovorem. Nastavte si Portcullis Authenticator nebo přístupový klíč: je to rychlejší a nelze to zachytit jako zprávy a hovory.',
  'campaign.askedAgain':
    '{days, plural, =0 {Zeptáme se znovu při příštím přihlášení.} one {Zeptáme se znovu za # den.} few {Zeptáme se znovu za # dny.} many {Zeptáme se znovu za # dní.} other {Zeptáme se znovu za # dní.}}',
  'campaign.snoozesLeft':
    '{count, plural, one {Můžete to odložit ještě #krát.} few {Můžete to odložit ještě #krát.} many {Můžete to odložit ještě #krát.} other {Můžete to odložit ještě #krát.}}',
  'campaign.mustSetUp':
    'Odložili jste to tolikrát, kolikrát to vaše organizace dovoluje: nastavte si nyní jednu z metod a pokračujte.',
  'proofup.title': 'Vyžadují se další informace',
  'proofup.intro':
    'Vaše organizace potřebuje další informace, aby mohla zajistit bezpečnost vašeho účtu. Zvolte, jak chcete ověřit svou identitu.',
  'proofup.legend': 'Metoda ověření',
  'proofup.next': 'Další',
  'proofup.chooseAnother': 'Zvolit jinou metodu',
  'password.title': 'Zvolte nové heslo',
  'password.intro':
    'Správce vám obnovil heslo. Chcete-li pokračovat, zvolte nové; jednorázové heslo tím přestane platit.',
  'password.introRisk':
    'Byl nahlášen hovor, SMS nebo oznámení, o které jste nežádali: vaše heslo možná zná někdo další. Pokračujte zvolením nového hesla.',
  'password.new': 'Nové heslo (alespoň 8 znaků)',
  'password.confirm': 'Nové heslo znovu',
  'password.submit': 'Změnit heslo',
  'password.mismatch': 'Hesla se neshodují.',
  'password.same': 'Zvolte jiné heslo než jednorázové.',
  'password.length':
    '{max, plural, one {Heslo musí mít {min} až # znak.} few {Heslo musí mít {min} až # znaky.} many {Heslo musí mít {min} až # znaku.} other {Heslo musí mít {min} až # znaků.}}',
  'password.common':
    'Toto heslo je příliš běžné: je na seznamu hesel, která útočníci zkoušejí jako první. Zvolte jiné.',
  'password.changeTitle': 'Změna hesla',
  'password.changeIntro':
    'Zadejte současné heslo a potom nové. Nejlepší je dlouhé heslo, které si snadno zapamatujete, například několik nesouvisejících slov. Po změně budete všude jinde odhlášeni a zapamatovaná zařízení se budou muset znovu ověřit.',
  'password.current': 'Současné heslo',
  'password.currentWrong': 'Současné heslo není správné.',
  'password.reuse': 'Zvolte jiné heslo, než je to současné.',
  'password.tooMany':
    'Příliš mnoho chybných hesel. Zkuste to znovu za {seconds, plural, one {# sekundu} few {# sekundy} many {# sekundy} other {# sekund}}.',
  'password.changed': 'Heslo bylo změněno. Všude jinde jste byli odhlášeni.',
  'password.appPasswordsDeleted':
    'Vaše organizace při změně hesla maže hesla aplikací: kde je potřebujete, vytvořte nová.',
  'password.back': 'Zpět na můj účet',
  'enrol.title': 'Nastavení: {method}',

  'verify.title': 'Ověřte svou identitu',
  'verify.otherOptions': 'Použít jinou možnost ověření',
  'verify.lostTitle': 'Nemůžete tuto metodu použít?',
  'verify.lostWithRecovery':
    'Pokud jste telefon ztratili nebo ho nemůžete použít, zvolte „Použít jinou možnost ověření“ a přihlaste se jedním ze svých kódů pro obnovení. Potom si v části Bezpečnostní údaje zaregistrujte nový telefon.',
  'verify.lostNoRecovery':
    'Pokud jste telefon ztratili nebo ho nemůžete použít, obraťte se na svého správce: může vaše metody ověření resetovat, abyste si mohli zaregistrovat nové.',
  'noMethod.title': 'Teď se nemůžete přihlásit',
  'noMethod.body':
    'Váš účet vyžaduje druhou metodu ověření, ale žádnou z metod, které vaše organizace povoluje, nelze použít. Obraťte se na svého správce.',

  'code.label': 'Kód',
  'code.verify': 'Ověřit',
  'notify.methodAdded':
    '{issuer}: k metodám přihlášení účtu {upn} byla přidána metoda {method}. Pokud jste to nebyli vy, informujte IT oddělení.',
  'notify.methodRemoved':
    '{issuer}: z metod přihlášení účtu {upn} byla odebrána metoda {method}. Pokud jste to nebyli vy, informujte IT oddělení.',
  'notice.title': 'Přihlášeno',
  'notice.continue': 'Pokračovat',
  'code.remember':
    'Na tomto zařízení se {days, plural, one {# den} few {# dny} many {# dne} other {# dní}} neptat',
  'proofup.graceLeft':
    '{days, plural, one {Registraci můžete odložit ještě o # den.} few {Registraci můžete odložit ještě o # dny.} many {Registraci můžete odložit ještě o # dne.} other {Registraci můžete odložit ještě o # dní.}}',
  'proofup.postpone': 'Teď ne',

  'method.PhoneAppOTP.label': 'Ověřovací aplikace',
  'method.PhoneAppOTP.description': 'Použijte kód z ověřovací aplikace v telefonu.',
  'method.OneWaySMS.label': 'Textová zpráva',
  'method.OneWaySMS.description': 'Nechte si poslat kód textovou zprávou na mobilní telefon.',
  'method.TwoWayVoiceMobile.label': 'Telefonní hovor',
  'method.TwoWayVoiceMobile.description': 'Přijměte hovor na mobilním telefonu a stiskněte #.',
  'method.TwoWayVoiceAlternateMobile.label': 'Hovor na alternativní telefon',
  'method.TwoWayVoiceAlternateMobile.description':
    'Přijměte hovor na jiném mobilním telefonu a stiskněte #.',
  'method.TwoWayVoiceOffice.label': 'Hovor na telefon do kanceláře',
  'method.TwoWayVoiceOffice.description':
    'Přijměte hovor na svém telefonu do kanceláře a stiskněte #.',

  // RecoveryCode
  'method.RecoveryCode.label': 'Kódy pro obnovení',
  'method.RecoveryCode.description':
    'Použijte jeden z deseti uložených jednorázových kódů, když nemůžete použít jiné metody.',
  'recovery.intro':
    'Uložte si tyto kódy pro obnovení na bezpečné místo, například do správce hesel nebo na vytištěný papír. Každým kódem se můžete jednou přihlásit, když nemůžete použít jiné metody. Znovu se už nezobrazí.',
  'recovery.replaces': 'Vaše dřívější kódy pro obnovení přestanou platit, jakmile uložíte tyto.',
  'recovery.listLabel': 'Vaše kódy pro obnovení',
  'recovery.download': 'Stáhnout jako textový soubor',
  'recovery.saved': 'Tyto kódy mám uložené',
  'recovery.confirm': 'Uložte si kódy pro obnovení a potom potvrďte, že je máte uložené.',
  'recovery.fileTitle': 'Kódy pro obnovení {issuer} pro účet {upn} (vytvořeno {date})',
  'recovery.fileNote': 'Každý kód lze použít jen jednou. Uložte tento soubor na bezpečné místo.',
  'recovery.enterCode': 'Zadejte jeden ze svých kódů pro obnovení. Každý kód funguje jen jednou.',
  'recovery.label': 'Kód pro obnovení',
  'recovery.left':
    '{count, plural, =0 {Nezbývá vám žádný kód pro obnovení. Vytvořte si nové v bezpečnostních údajích.} one {Zbývá vám # kód pro obnovení.} few {Zbývají vám # kódy pro obnovení.} many {Zbývá vám # kódu pro obnovení.} other {Zbývá vám # kódů pro obnovení.}}',

  'method.Passkey.label': 'Přístupový klíč',
  'method.Passkey.description':
    'Použijte přístupový klíč: odemknutí zařízení nebo bezpečnostní klíč.',
  'passkey.intro':
    'Vytvořte přístupový klíč na tomto zařízení nebo na bezpečnostním klíči. Prohlížeč vás požádá o potvrzení.',
  'passkey.name': 'Název přístupového klíče',
  'passkey.create': 'Vytvořit přístupový klíč',
  'passkey.attestation.missing':
    'Tento přístupový klíč neprokázal výrobce a model a vaše organizace přijímá jen klíče, které to dělají. Použijte bezpečnostní klíč schválený vaší organizací, nebo zvolte jinou metodu.',
  'passkey.attestation.untrusted':
    'Vaše organizace nedůvěřuje výrobci tohoto přístupového klíče. Použijte bezpečnostní klíč schválený vaší organizací, nebo zvolte jinou metodu.',
  'passkey.modelNotAllowed':
    'Vaše organizace tuto značku ani model přístupového klíče nepovoluje. Použijte jiný bezpečnostní klíč nebo zařízení, nebo zvolte jinou metodu.',
  'passkey.notCreated': 'Přístupový klíč nebyl vytvořen. Zkuste to znovu nebo zvolte jinou metodu.',
  'passkey.verifyIntro':
    'Potvrďte svou totožnost přístupovým klíčem. Prohlížeč vás požádá o potvrzení.',
  'passkey.use': 'Použít přístupový klíč',
  'passkey.notUsed':
    'Přístupový klíč nebyl použit. Zkuste to znovu nebo zvolte jinou možnost ověření.',
  'passkey.needsScript':
    'Přístupové klíče vyžadují JavaScript. Zapněte ho nebo zvolte jinou metodu.',
  'passkey.signin': 'Přihlásit se přístupovým klíčem',
  'passkey.signinFailed': 'Přístupový klíč nebyl použit. Zkuste to znovu nebo se přihlaste heslem.',

  'method.PhoneAppNotification.label': 'Portcullis Authenticator',
  'method.PhoneAppNotification.description':
    'Schválit oznámení v aplikaci Portcullis Authenticator.',
  'push.scan':
    'Otevřete na telefonu Portcullis Authenticator a naskenujte tento QR kód, nebo otevřete odkaz na zařízení, které budete používat.',
  'push.qrLabel': 'QR kód pro aktivaci aplikace Portcullis Authenticator',
  'push.orOpen': 'Nebo otevřete na telefonu tuto adresu:',
  'push.codeIntro': 'a zadejte aktivační kód:',
  'push.continue': 'Pokračovat',
  'push.waitingDevice': 'Čeká se na aktivaci aplikace…',
  'push.activationExpired': 'Aktivační kód už neplatí. Začněte znovu a získejte nový.',
  'push.approve':
    'Otevřete Portcullis Authenticator a zadejte toto číslo, abyste přihlášení schválili:',
  'push.waiting': 'Čeká se na vaše schválení v aplikaci…',
  'push.notWaiting': 'Ve vaší aplikaci nečeká žádný požadavek.',
  'push.again': 'Odeslat nový požadavek',
  'push.noAnswer': 'Na požadavek nikdo včas neodpověděl.',
  'push.wrongNumber': 'Číslo zadané v aplikaci nesouhlasilo. Požadavek byl odmítnut.',
  'push.denied': 'Požadavek byl v aplikaci zamítnut.',
  'push.paused':
    'Oznámení do vaší aplikace jsou po několika zamítnutých nebo nezodpovězených požadavcích pozastavena. Zvolte jiný způsob ověření.',
  'push.busy':
    'Na schválení ve vaší aplikaci už čeká jiné přihlášení. Odpovězte na něj nebo počkejte a zkuste to znovu.',
  'push.useCode': 'Místo toho zadat kód z aplikace',
  'push.enableNotifications': 'Zapnout oznámení',
  'authenticator.title': 'Portcullis Authenticator',
  'authenticator.intro':
    'Zadejte aktivační kód zobrazený na přihlašovací stránce, nebo naskenujte jeho QR kód.',
  'authenticator.code': 'Aktivační kód',
  'authenticator.activate': 'Aktivovat',
  'authenticator.activated':
    'Tato aplikace je nastavena pro {upn}. Požadavky na přihlášení se zobrazí zde.',
  'authenticator.failed': 'Aktivace selhala. Zkontrolujte kód a zkuste to znovu.',
  'authenticator.idle': 'Nečeká žádný požadavek na přihlášení.',
  'authenticator.request':
    'Přihlašujete se do {application} jako {upn}? Z adresy {address} v {time}.',
  'authenticator.number': 'Číslo zobrazené na přihlašovací stránce',
  'authenticator.approveButton': 'Schválit',
  'authenticator.deny': 'Zamítnout',
  'authenticator.fraud': 'Zamítnout a nahlásit podvod',
  'authenticator.approved': 'Schváleno.',
  'authenticator.refused': 'Požadavek byl odmítnut.',
  'authenticator.codeFor': 'Kód pro {upn}',
  'authenticator.codeExpires': 'Nový kód za {seconds} s',
  'place.privateNetwork': 'Soukromá síť',

  'totp.scan':
    'Naskenujte tento QR kód ověřovací aplikací a potom zadejte šestimístný kód, který aplikace zobrazí.',
  'totp.qrLabel': 'QR kód pro vaši ověřovací aplikaci',
  'totp.cantScan': 'Nemůžete naskenovat QR kód?',
  'totp.secretIntro': 'Zadejte do aplikace tento tajný klíč (časový, 6 číslic, každých 30 sekund):',
  'totp.uriIntro': 'Nebo použijte tuto adresu:',
  'totp.enterCode': 'Zadejte kód zobrazený v ověřovací aplikaci.',

  'phone.country': 'Země nebo oblast',
  'phone.number': 'Telefonní číslo',
  'phone.extension': 'Klapka (volitelné)',
  'phone.invalid': 'Toto nevypadá jako platné telefonní číslo. Zkontrolujte zemi a číslo.',
  'phone.how': 'Jak máme tento telefon ověřit?',
  'phone.textMe': 'Poslat mi kód textovou zprávou',
  'phone.callMe': 'Zavolat mi',
  'phone.intro': 'Které telefonní číslo chcete použít?',
  'phone.fromDirectory': 'Moje mobilní číslo {number} z adresáře vaší organizace',
  'phone.otherNumber': 'Jiné číslo:',
  'sms.sent': 'Na číslo {number} jsme poslali textovou zprávu s kódem. Zadejte kód níže.',
  'sms.resend': 'Poslat nový kód',
  'sms.notMe': 'To jsem nebyl(a) já',
  'sms.text':
    '{code} je váš ověřovací kód pro {issuer}. Platnost vyprší za {minutes, plural, one {# minutu} few {# minuty} many {# minuty} other {# minut}}.',
  'call.calling': 'Voláme na číslo {number}. Přijměte hovor a pokračujte stisknutím #.',
  'call.continue': 'Pokračovat',
  'call.waiting': 'Čeká se, až hovor přijmete…',
  'call.again': 'Zavolat znovu',
  'call.noAnswer': 'Hovor nebyl včas přijat. Nechte si zavolat znovu nebo použijte jinou možnost.',
  'call.declined':
    'Hovor skončil bez schválení. Nechte si zavolat znovu nebo použijte jinou možnost.',
  'radius.totp': 'Zadejte kód z ověřovací aplikace:',
  'radius.sms': 'Zadejte kód, který jsme poslali na {number}:',
  'radius.recovery': 'Zadejte jeden ze svých kódů pro obnovení:',
  'radius.push':
    'Schvalte přihlášení v aplikaci Portcullis Authenticator: vyberte {number}. Pak stiskněte Enter.',
  'call.prompt':
    'Dobrý den, tady je {issuer}. Někdo se přihlašuje k vašemu účtu. Chcete-li přihlášení schválit, stiskněte křížek. Pokud jste se nepokoušeli přihlásit, nahlaste podvod tak, že stisknete nulu a potom křížek.',
  'call.approved': 'Děkujeme. Vaše přihlášení je schválené. Na shledanou.',
  'call.fraudRecorded': 'Děkujeme. Vaše nahlášení podvodu bylo zaznamenáno. Na shledanou.',

  'fraud.title': 'Nahlásit podvod',
  'fraud.question':
    'Dostali jste kód, o který jste nežádali? Pokud jste se nepokoušeli přihlásit, nahlaste to: váš účet bude ochráněn a váš správce bude informován.',
  'fraud.submit': 'Nahlásit podvod',
  'fraud.cancel': 'Zpět',
  'fraud.done':
    'Děkujeme. Vaše hlášení bylo zaznamenáno. Váš účet je chráněn, dokud ho nezkontroluje správce.',

  'apppw.title': 'Hesla aplikací',

  'apppw.intro':
    'Programy, které nedokážou ověřit vaši identitu druhým způsobem, jako jsou někteří poštovní klienti, se přihlašují heslem aplikace místo vašeho hesla. Pro každý program vytvořte samostatné heslo aplikace.',

  'apppw.name': 'Název',

  'apppw.namePlaceholder': 'např. Pošta na mém notebooku',

  'apppw.scope': 'Pouze pro tyto aplikace (volitelné)',

  'apppw.anyApp': 'Libovolná aplikace',

  'apppw.expiry': 'Platnost vyprší',

  'apppw.never': 'Nikdy',

  'apppw.inDays': '{days, plural, one {Za # den} few {Za # dny} many {Za # dne} other {Za # dní}}',

  'apppw.create': 'Vytvořit heslo aplikace',

  'apppw.createdTitle': 'Vaše nové heslo aplikace',

  'apppw.showOnce':
    'Zkopírujte ho teď a zadejte ho do programu místo svého hesla. Znovu už se nezobrazí.',

  'apppw.copy': 'Kopírovat',

  'apppw.empty': 'Nemáte žádná hesla aplikací.',

  'apppw.colName': 'Název',

  'apppw.colScope': 'Aplikace',

  'apppw.colCreated': 'Vytvořeno',

  'apppw.colLastUsed': 'Naposledy použito',

  'apppw.colExpires': 'Platnost vyprší',

  'apppw.neverUsed': 'Nikdy nepoužito',

  'apppw.usedFrom': '{time} z adresy {address}',

  'apppw.delete': 'Odstranit',

  'apppw.deleted': 'Heslo aplikace bylo odstraněno.',

  'apppw.disabled': 'Vaše organizace nepovoluje hesla aplikací.',

  'apppw.nameRequired': 'Zadejte název hesla aplikace.',

  'apppw.tooMany':
    '{max, plural, one {Máte # heslo aplikace, což je nejvyšší povolený počet. Nejdřív ho odstraňte.} few {Máte # hesla aplikací, což je nejvyšší povolený počet. Nejdřív jedno odstraňte.} many {Máte # hesla aplikace, což je nejvyšší povolený počet. Nejdřív jedno odstraňte.} other {Máte # hesel aplikací, což je nejvyšší povolený počet. Nejdřív jedno odstraňte.}}',

  'apppw.back': 'Zpět na můj účet',

  'proofup.appPasswordsTitle': 'Hesla aplikací',

  'proofup.appPasswordsBody':
    'Od této chvíle vaše heslo funguje jen ve webových prohlížečích. Poštovní klienti a další programy, které nedokážou ověřit vaši identitu, místo něj potřebují heslo aplikace.',

  'proofup.done': 'Hotovo',

  'account.admin': 'Portál správce',
  'account.appPasswords': 'Hesla aplikací',
  'account.securityInfo': 'Bezpečnostní údaje',
  'security.title': 'Bezpečnostní údaje',
  'security.intro': 'Jak se přihlašujete a prokazujete, že jste to vy.',
  'security.methods': 'Metody přihlášení',
  'security.method': 'Metoda',
  'security.detail': 'Podrobnosti',
  'security.added': 'Přidáno',
  'security.lastUsed': 'Naposledy použito',
  'security.actions': 'Akce',
  'security.isDefault': 'výchozí',
  'security.makeDefault': 'Nastavit jako výchozí',
  'security.delete': 'Odstranit',
  'security.none': 'Zatím nemáte žádnou ověřovací metodu.',
  'security.addChoose': 'Metoda k přidání',
  'security.add': 'Přidat metodu',
  'security.addTitle': 'Přidat: {method}',
  'security.deleteTitle': 'Odstranit {method}?',
  'security.deleteBody': 'Metodu {method} už nebudete moci použít k přihlášení.',
  'security.cancel': 'Zrušit',
  'security.lastMethod':
    'Toto je vaše jediná ověřovací metoda a váš účet vyžaduje vícefaktorové ověřování: nejdřív přidejte jinou metodu.',
  'security.onlyBackupsLeft':
    'Nemůžete odstranit svou poslední metodu, která funguje samostatně: zbyla by vám jen metoda „{methods}“, která pouze zálohuje jinou metodu. Nejdřív přidejte jinou metodu, nebo odstraňte „{methods}“.',
  'security.backupNotDefault': 'Tato metoda pouze zálohuje jinou: nemůže být výchozí.',
  'security.password': 'Heslo',
  'security.changePassword': 'Změnit heslo',
  'security.appPasswords': 'Hesla aplikací',
  'security.appPasswordCount':
    '{n, plural, =0 {Žádná hesla aplikací.} one {# heslo aplikace.} few {# hesla aplikací.} many {# hesla aplikace.} other {# hesel aplikací.}}',
  'security.manage': 'Spravovat',
  'security.devices': 'Zapamatovaná zařízení',
  'security.deviceCount':
    '{n, plural, =0 {Žádné zařízení nepřeskakuje druhý krok.} one {# zařízení přeskakuje druhý krok.} few {# zařízení přeskakují druhý krok.} many {# zařízení přeskakuje druhý krok.} other {# zařízení přeskakuje druhý krok.}}',
  'security.forgetAll': 'Zapomenout vše',
  'security.recent': 'Nedávná přihlášení',
  'security.when': 'Kdy',
  'security.application': 'Aplikace',
  'security.address': 'Adresa',
  'security.result': 'Výsledek',
  'security.result.success': 'Úspěch',
  'security.result.failure': 'Neúspěch',
  'security.result.interrupted': 'Přerušeno',
  'security.done.added': 'Metoda byla přidána.',
  'security.done.deleted': 'Metoda byla odstraněna.',
  'security.done.default': 'Vaše výchozí metoda byla změněna.',
  'security.done.forgotten':
    'Zapamatovaná zařízení byla zapomenuta: každé se znovu zeptá na druhý krok.',
  'security.back': 'Zpět na můj účet',

  'admin.outbox.title': 'Textové zprávy a hovory se nedoručují',
  'admin.outbox.body':
    'Není nastaven žádný poskytovatel telefonie (PORTCULLIS_TELEPHONY=outbox). Zprávy a hovory metod označených níže zůstávají ve frontě odchozích zpráv tohoto serveru a nedorazí na žádný telefon: kdo si některou z nich zvolí, nemůže se s ní přihlásit. Na serveru je lze přečíst příkazem portcullis outbox.',
  'admin.outbox.simulatorOn':
    'Simulátor telefonu je zapnutý: zobrazuje je na /_dev/phone tomuto počítači a správcům.',
  'admin.outbox.simulatorOff':
    'Pro vyzkoušení je simulátor telefonu zobrazí na /_dev/phone, když nastavíte PORTCULLIS_PHONE_SIMULATOR=true (jen tomuto počítači a správcům).',
  'admin.outbox.configure':
    'Aby se doručovaly, nastavte PORTCULLIS_TELEPHONY=webhook spolu s PORTCULLIS_WEBHOOK_URL a PORTCULLIS_WEBHOOK_SECRET (vaše vlastní brána pro SMS a hovory dostává podepsaný JSON), nebo PORTCULLIS_TELEPHONY=twilio spolu s PORTCULLIS_TWILIO_ACCOUNT_SID, PORTCULLIS_TWILIO_AUTH_TOKEN a PORTCULLIS_TWILIO_FROM, a restartujte Portcullis (viz docs/configuration.md). Do té doby tyto metody nechte nezaškrtnuté.',
  'admin.outbox.tag': 'nedoručuje se',

  'error.title': 'Nepovedlo se to',
  'error.serverTitle': 'Něco se pokazilo',
  'error.notFoundTitle': 'Stránka nebyla nalezena',
  'error.notFound': 'Na této adrese žádná stránka není.',
  'error.backToSignin': 'Přejít na přihlašovací stránku',
  'error.invalid_credentials': 'Váš účet nebo heslo je nesprávné.',
  'error.invalid_code': 'Tento kód není správný. Zkuste to znovu.',
  'error.code_expired':
    'Platnost kódu vypršela. Zadejte poslední zaslaný kód nebo si nechte poslat nový.',
  'error.too_many_attempts': 'Příliš mnoho pokusů. Chvíli počkejte a zkuste to znovu.',
  'error.too_many_passwords':
    'Příliš mnoho neúspěšných přihlášení. Zkuste to znovu za {seconds, plural, one {# sekundu} few {# sekundy} many {# sekundy} other {# sekund}}.',
  'error.too_many_codes':
    'Příliš mnoho chybných kódů. Zkuste to znovu za {seconds, plural, one {# sekundu} few {# sekundy} many {# sekundy} other {# sekund}}.',
  'error.attempt_ended': 'Příliš mnoho chybných kódů. Přihlaste se prosím znovu.',
  'error.too_many_at_once': 'Příliš mnoho kódů najednou. Zkuste to za chvíli znovu.',
  'error.codes_locked':
    'Příliš mnoho chybných kódů: ověření je pro tento účet zablokováno. Požádejte správce o odblokování.',
  'error.signin_locked':
    'Příliš mnoho neúspěšných přihlášení: přihlášení je pro tento účet zablokováno. Požádejte správce o odblokování.',
  'error.signin_expired':
    'Platnost vašeho pokusu o přihlášení vypršela nebo byl pokus ukončen. Přihlaste se prosím znovu.',
  'error.csrf_failed':
    'Platnost tohoto formuláře vypršela nebo nebyl odeslán z tohoto webu. Načtěte stránku znovu a zkuste to znovu.',
  'error.rate_limited':
    'Bylo odesláno příliš mnoho zpráv nebo hovorů. Zkuste to znovu za {minutes, plural, one {# minutu} few {# minuty} many {# minuty} other {# minut}}.',
  'error.delivery_failed':
    'Váš telefon se teď nepodařilo zastihnout. Zkuste to za chvíli znovu nebo použijte jinou možnost.',
  'error.service_unavailable': 'Služba je dočasně nedostupná. Zkuste to brzy znovu.',
  'error.signin_unavailable': 'Přihlášení je dočasně nedostupné. Zkuste to za několik minut znovu.',
  'error.managed_by_directory': 'Toto spravuje adresář vaší organizace: změňte to tam.',
  'error.busy': 'Právě se přihlašuje příliš mnoho lidí. Zkuste to za vteřinu znovu.',
  'error.internal_error': 'Na naší straně se něco pokazilo.',

  'mail.greeting': 'Dobrý den, {name},',
  'mail.footer': 'Pokud jste tuto zprávu nečekali, dejte vědět svému správci.\n— {issuer}',
  'mail.invitation.subject': 'Nastavte si účet {issuer}',
  'mail.invitation.body':
    'Byl pro vás vytvořen účet: {upn}.\n\nOtevřete tento odkaz, zvolte si heslo a nastavte, jak budete při přihlášení prokazovat, že jste to vy:\n{link}\n\nOdkaz funguje jednou a vyprší za {days, plural, one {# den} few {# dny} many {# dne} other {# dní}}.',
  'mail.methodAdded.subject': 'K vašemu účtu byla přidána metoda ověření',
  'mail.methodAdded.body':
    '{method} byla přidána jako způsob ověření vašich přihlášení k {upn}.\n\nPokud jste to nebyli vy, ihned to oznamte svému správci: za vás se může přihlásit někdo jiný.',
  'mail.methodRemoved.subject': 'Z vašeho účtu byla odebrána metoda ověření',
  'mail.methodRemoved.body':
    '{method} byla odebrána ze způsobů ověření vašich přihlášení k {upn}.\n\nPokud jste to nebyli vy, ihned to oznamte svému správci.',
  'mail.appPassword.subject': 'Pro váš účet bylo vytvořeno heslo aplikace',
  'mail.appPassword.body':
    'Pro {upn} bylo vytvořeno heslo aplikace s názvem „{name}“. Programy, které neumějí vícefaktorové ověřování, se jím přihlašují.\n\nPokud jste to nebyli vy, smažte ho na stránce svého účtu a dejte vědět svému správci.',
  'mail.passwordChanged.subject': 'Vaše heslo bylo změněno',
  'mail.passwordChanged.body':
    'Heslo účtu {upn} bylo změněno.\n\nPokud jste to nebyli vy, ihned to oznamte svému správci.',
  'invite.title': 'Nastavení účtu',
  'invite.intro':
    'Zvolte si heslo pro {upn}. Potom nastavíte, jak budete při přihlášení prokazovat, že jste to vy.',
  'invite.submit': 'Nastavit heslo a pokračovat',
  'invite.expired':
    'Platnost tohoto odkazu s pozvánkou vypršela nebo už byl použit. Požádejte správce o nový.',
  'signout.confirm': 'Jste přihlášeni jako {upn}. Odhlásit se z {issuer}?',
  'device.title': 'Přihlášení na jiném zařízení',
  'device.intro': 'Zadejte kód, který zobrazuje vaše zařízení nebo aplikace.',
  'device.code': 'Kód',
  'device.next': 'Další',
  'device.noCode': 'Zadejte kód zobrazený na vašem zařízení.',
  'device.wrongCode':
    'Tento kód není správný. Zkontrolujte kód na svém zařízení a zkuste to znovu.',
  'device.expired':
    'Platnost tohoto kódu vypršela. Začněte na svém zařízení znovu a získejte nový.',
  'device.used': 'Tento kód už byl použit. Začněte na svém zařízení znovu a získejte nový.',
  'device.cancelled':
    'Přihlášení jste zrušili. Vaše zařízení nebylo přihlášeno; toto okno můžete zavřít.',
  'device.failed': 'Přihlášení se nepodařilo dokončit.',
  'device.tooMany': 'Příliš mnoho chybných kódů z vaší sítě. Chvíli počkejte a zkuste to znovu.',
  'device.again': 'Zadat kód znovu',
  'device.confirmTitle': 'Přihlásit se do {app}?',
  'device.confirmAsking': '{app} žádá o přihlášení vaším účtem na zařízení.',
  'device.confirmCheck': 'Zkontrolujte, že vaše zařízení zobrazuje tento kód:',
  'device.confirmFrom': 'Žádost přišla z {ip}.',
  'device.confirmWarning':
    'Pokračujte, jen pokud jste přihlášení zahájili sami, na zařízení, které máte u sebe. Pokud vám tento kód někdo poslal, zrušte to.',
  'device.continue': 'Pokračovat',
  'device.cancel': 'Zrušit',
  'device.doneTitle': 'Jste přihlášeni',
  'device.done': '{app} je nyní na vašem zařízení přihlášena. Toto okno můžete zavřít.',
} satisfies Catalog;
