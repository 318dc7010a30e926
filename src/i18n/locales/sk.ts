import type { Catalog } from '../index.ts';

// Slovak (sk). Keys and {placeholders} exactly as in en.ts.
export default {
  'layout.title': '{title} · Portcullis',
  'layout.brand': 'Portcullis',

  'signin.title': 'Prihlásiť sa',
  'signin.username': 'Používateľské meno',
  'signin.usernamePlaceholder': 'niekto@example.com',
  'signin.password': 'Heslo',
  'signin.submit': 'Prihlásiť sa',
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

  'proofup.title': 'Vyžadujú sa ďalšie informácie',
  'proofup.intro':
    'Vaša organizácia potrebuje ďalšie informácie, aby mohla zabezpečiť vaše konto. Vyberte, ako chcete overiť svoju totožnosť.',
  'proofup.legend': 'Metóda overenia',
  'proofup.next': 'Ďalej',
  'password.title': 'Zvoľte nové heslo',
  'password.intro':
    'Správca vám obnovil heslo. Ak chcete pokračovať, zvoľte nové; jednorazové heslo tým prestane platiť.',
  'password.new': 'Nové heslo (aspoň 8 znakov)',
  'password.confirm': 'Nové heslo znova',
  'password.submit': 'Zmeniť heslo',
  'password.mismatch': 'Heslá sa nezhodujú.',
  'password.same': 'Zvoľte iné heslo ako jednorazové.',
  'enrol.title': 'Nastavenie: {method}',

  'verify.title': 'Overte svoju totožnosť',
  'verify.otherOptions': 'Použiť inú možnosť overenia',
  'noMethod.title': 'Momentálne sa nemôžete prihlásiť',
  'noMethod.body':
    'Vaše konto vyžaduje druhú metódu overenia, ale nedá sa použiť žiadna z metód, ktoré vaša organizácia povoľuje. Obráťte sa na svojho správcu.',

  'code.label': 'Kód',
  'code.verify': 'Overiť',
  'notice.title': 'Prihlásené',
  'notice.continue': 'Pokračovať',
  'code.remember':
    'Na tomto zariadení sa {days, plural, one {# deň} few {# dni} other {# dní}} nepýtať',
  'proofup.graceLeft':
    '{days, plural, one {Registráciu môžete odložiť ešte o # deň.} few {Registráciu môžete odložiť ešte o # dni.} other {Registráciu môžete odložiť ešte o # dní.}}',
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
    'Máte maximálny povolený počet hesiel aplikácií ({max}). Najprv jedno odstráňte.',

  'apppw.back': 'Späť na moje konto',

  'proofup.appPasswordsTitle': 'Heslá aplikácií',

  'proofup.appPasswordsBody':
    'Odteraz vaše heslo funguje len vo webových prehliadačoch. Poštoví klienti a ďalšie programy, ktoré nedokážu overiť vašu totožnosť, namiesto neho potrebujú heslo aplikácie.',

  'proofup.done': 'Hotovo',

  'account.admin': 'Portál správcu',
  'account.appPasswords': 'Heslá aplikácií',

  'error.title': 'Nepodarilo sa to',
  'error.serverTitle': 'Niečo sa pokazilo',
  'error.notFoundTitle': 'Stránka sa nenašla',
  'error.notFound': 'Na tejto adrese sa nenachádza žiadna stránka.',
  'error.backToSignin': 'Prejsť na prihlasovaciu stránku',
  'error.invalid_credentials': 'Vaše konto alebo heslo je nesprávne.',
  'error.invalid_code': 'Tento kód nie je správny. Skúste to znova.',
  'error.too_many_attempts': 'Príliš veľa pokusov. Chvíľu počkajte a skúste to znova.',
  'error.too_many_passwords':
    'Príliš veľa neúspešných prihlásení. Skúste to znova o {seconds, plural, one {# sekundu} few {# sekundy} many {# sekundy} other {# sekúnd}}.',
  'error.too_many_codes':
    'Príliš veľa nesprávnych kódov. Skúste to znova o {seconds, plural, one {# sekundu} few {# sekundy} many {# sekundy} other {# sekúnd}}.',
  'error.attempt_ended': 'Príliš veľa nesprávnych kódov. Prihláste sa znova.',
  'error.signin_expired':
    'Platnosť vášho pokusu o prihlásenie uplynula alebo bol pokus ukončený. Prihláste sa znova.',
  'error.csrf_failed':
    'Platnosť tohto formulára uplynula alebo nebol odoslaný z tejto lokality. Obnovte stránku a skúste to znova.',
  'error.rate_limited':
    'Odoslalo sa príliš veľa správ alebo hovorov. Skúste to znova o {minutes, plural, one {# minútu} few {# minúty} many {# minúty} other {# minút}}.',
  'error.delivery_failed':
    'Váš telefón sa teraz nepodarilo zastihnúť. Skúste to o chvíľu znova alebo použite inú možnosť.',
  'error.service_unavailable': 'Služba je dočasne nedostupná. Skúste to čoskoro znova.',
  'error.internal_error': 'Na našej strane sa niečo pokazilo.',
} satisfies Catalog;
