import type en from './en.ts';

// Czech (cs): the admin portal. Keys and {placeholders} exactly as in en.ts;
// Microsoft's Czech for Entra (správce, přihlášení, protokol auditu). Plurals:
// one 1, few 2–4, many fractions, other 0 and 5+.
export default {
  'admin.layout.title': '{title} · Správa Portcullis',
  'admin.layout.brand': 'Správa Portcullis',
  'admin.layout.skip': 'Přeskočit na obsah',
  'admin.layout.nav': 'Správa',
  'admin.layout.signOut': 'Odhlásit se',
  'admin.nav.users': 'Uživatelé',
  'admin.nav.groups': 'Skupiny',
  'admin.nav.bulk': 'Hromadná aktualizace',
  'admin.nav.settings': 'Nastavení služby',
  'admin.nav.methodsPolicy': 'Metody ověřování',
  'admin.nav.signins': 'Přihlášení',
  'admin.nav.audit': 'Protokol auditu',
  'admin.nav.tokens': 'Tokeny API',
  'admin.nav.apps': 'Aplikace',
  'admin.nav.directory': 'Adresář',
  'admin.needsPasskey':
    'Portál pro správu vyžaduje přihlášení přístupovým klíčem: otevřete jej znovu a přihlaste se jím.',
  'admin.noPasskey':
    'Portál pro správu vyžaduje přihlášení přístupovým klíčem a vy žádný nemůžete použít ani zaregistrovat. Požádejte jiného správce, nebo požadavek vypněte na serveru (portcullis settings set adminPhishingResistant off).',
  'admin.forbidden': 'Portál správce je určen jen pro správce.',
  'admin.confirm.title': 'Potvrďte prosím',

  'admin.common.cancel': 'Zrušit',
  'admin.common.copy': 'Kopírovat',
  'admin.common.save': 'Uložit',
  'admin.common.saved': 'Uloženo.',
  'admin.common.search': 'Hledat',
  'admin.common.change': 'Změnit…',
  'admin.common.continue': 'Pokračovat…',
  'admin.common.deleteAsk': 'Odstranit…',
  'admin.common.yes': 'Ano',
  'admin.common.no': 'Ne',
  'admin.common.any': 'Vše',
  'admin.common.name': 'Název',
  'admin.common.displayName': 'Zobrazované jméno',
  'admin.common.userName': 'Uživatelské jméno',
  'admin.common.user': 'Uživatel',
  'admin.common.mfaState': 'Stav MFA',
  'admin.common.method': 'Metoda',
  'admin.common.source': 'Zdroj',
  'admin.common.role': 'Role',
  'admin.common.created': 'Vytvořeno',
  'admin.common.lastUsed': 'Naposledy použito',
  'admin.common.lastSignin': 'Poslední přihlášení',
  'admin.common.time': 'Čas',
  'admin.common.result': 'Výsledek',
  'admin.common.actions': 'Akce',
  'admin.common.appPasswords': 'Hesla aplikací',
  'admin.common.pages': 'Stránky',
  'admin.common.firstPage': 'První stránka',
  'admin.common.nextPage': 'Další stránka',
  'admin.common.backToUsers': 'Zpět na uživatele',

  'admin.users.new': 'Nový uživatel',
  'admin.users.import': 'Importovat z CSV',
  'admin.users.exportThese': 'Exportovat tyto uživatele do CSV',
  'admin.users.exportAll': 'Exportovat všechny uživatele do CSV',
  'admin.users.search': 'Hledat podle jména nebo uživatelského jména',
  'admin.users.perPage': 'Na stránku',
  'admin.users.noMatch': 'Hledání neodpovídá žádný uživatel.',
  'admin.users.caption': 'Uživatelé seřazení podle uživatelského jména',
  'admin.users.captionContinued': 'Uživatelé (pokračování) seřazení podle uživatelského jména',
  'admin.users.selectPage': 'Vybrat všechny uživatele na této stránce',
  'admin.users.select': 'Vybrat: {name} ({upn})',
  'admin.users.defaultMethod': 'Výchozí metoda',
  'admin.users.tagAdmin': 'správce',
  'admin.users.tagDirectory': 'adresář',
  'admin.users.tagBlocked': 'zablokován',
  'admin.users.scopeAllPages':
    'Nejen vybraní: všichni uživatelé, kteří odpovídají tomuto hledání (na všech stránkách)',
  'admin.users.scopeAllUsers':
    'Nejen vybraní: všichni uživatelé, kteří odpovídají tomuto hledání (všichni uživatelé)',
  'admin.users.withSelected': 'S vybranými uživateli',
  'admin.users.deleted': 'Uživatel {upn} byl odstraněn.',
  'admin.users.doneSome': 'Hotovo.',
  'admin.users.chooseAction': 'Zvolte jednu z akcí.',
  'admin.users.selectFirst': 'Nejdřív vyberte aspoň jednoho uživatele.',
  'admin.users.tooManyMatch':
    '{max, plural, one {Hledání odpovídá více než # uživatel: zužte hledání nebo použijte soubor pro hromadnou aktualizaci.} few {Hledání odpovídá více než # uživatelé: zužte hledání nebo použijte soubor pro hromadnou aktualizaci.} many {Hledání odpovídá více než # uživatele: zužte hledání nebo použijte soubor pro hromadnou aktualizaci.} other {Hledání odpovídá více než # uživatelů: zužte hledání nebo použijte soubor pro hromadnou aktualizaci.}}',
  'admin.users.nameNow': '{name} ({upn}) – nyní {state}',
  'admin.users.andMore':
    '{n, plural, one {…a # další} few {…a # další} many {…a # dalšího} other {…a # dalších}}',
  'admin.users.includesAdmins':
    'Patří mezi ně správci ({admins}): jejich heslo přestane fungovat i v klientech mimo prohlížeč.',
  'admin.users.already':
    '{n, plural, one {# z nich už v tomto stavu je a nezmění se.} few {# z nich už v tomto stavu jsou a nezmění se.} many {# z nich už v tomto stavu je a nezmění se.} other {# z nich už v tomto stavu je a nezmění se.}}',

  'admin.users.action.Enabled.button': 'Povolit',
  'admin.users.action.Enabled.title': 'Povolit MFA',
  'admin.users.action.Enabled.summary':
    '{n, plural, one {Povolit MFA pro # uživatele.} few {Povolit MFA pro # uživatele.} many {Povolit MFA pro # uživatele.} other {Povolit MFA pro # uživatelů.}}',
  'admin.users.action.Enabled.confirm':
    '{n, plural, one {Povolit pro # uživatele} few {Povolit pro # uživatele} many {Povolit pro # uživatele} other {Povolit pro # uživatelů}}',
  'admin.users.action.Enabled.done':
    '{n, plural, one {Hotovo: MFA povoleno pro # uživatele.} few {Hotovo: MFA povoleno pro # uživatele.} many {Hotovo: MFA povoleno pro # uživatele.} other {Hotovo: MFA povoleno pro # uživatelů.}}',
  'admin.users.action.Enabled.explain':
    'Při příštím přihlášení v prohlížeči budou vyzváni k registraci metody ověření a potom přejdou do stavu Vynuceno. Do té doby jejich heslo v ostatních programech dál funguje.',
  'admin.users.action.Enforced.button': 'Vynutit',
  'admin.users.action.Enforced.title': 'Vynutit MFA',
  'admin.users.action.Enforced.summary':
    '{n, plural, one {Vynutit MFA pro # uživatele.} few {Vynutit MFA pro # uživatele.} many {Vynutit MFA pro # uživatele.} other {Vynutit MFA pro # uživatelů.}}',
  'admin.users.action.Enforced.confirm':
    '{n, plural, one {Vynutit pro # uživatele} few {Vynutit pro # uživatele} many {Vynutit pro # uživatele} other {Vynutit pro # uživatelů}}',
  'admin.users.action.Enforced.done':
    '{n, plural, one {Hotovo: MFA vynuceno pro # uživatele.} few {Hotovo: MFA vynuceno pro # uživatele.} many {Hotovo: MFA vynuceno pro # uživatele.} other {Hotovo: MFA vynuceno pro # uživatelů.}}',
  'admin.users.action.Enforced.explain':
    'Musí v prohlížeči používat vícefaktorové ověřování a jejich heslo přestane fungovat v programech, které MFA nepodporují (poštovní aplikace, starší Office, skripty): ty potřebují hesla aplikací. Uživatelé, kteří ještě nemají zaregistrovanou metodu, ji zaregistrují při příštím přihlášení.',
  'admin.users.action.Disabled.button': 'Zakázat',
  'admin.users.action.Disabled.title': 'Zakázat MFA',
  'admin.users.action.Disabled.summary':
    '{n, plural, one {Zakázat MFA pro # uživatele.} few {Zakázat MFA pro # uživatele.} many {Zakázat MFA pro # uživatele.} other {Zakázat MFA pro # uživatelů.}}',
  'admin.users.action.Disabled.confirm':
    '{n, plural, one {Zakázat pro # uživatele} few {Zakázat pro # uživatele} many {Zakázat pro # uživatele} other {Zakázat pro # uživatelů}}',
  'admin.users.action.Disabled.done':
    '{n, plural, one {Hotovo: MFA zakázáno pro # uživatele.} few {Hotovo: MFA zakázáno pro # uživatele.} many {Hotovo: MFA zakázáno pro # uživatele.} other {Hotovo: MFA zakázáno pro # uživatelů.}}',
  'admin.users.action.Disabled.explain':
    'Už nebudou žádáni o druhý faktor a jejich heslo opět funguje ve všech programech. Jejich zaregistrované metody zůstanou zachovány.',
  'admin.users.action.reset-methods.button': 'Vyžadovat novou registraci metod',
  'admin.users.action.reset-methods.title': 'Vyžadovat novou registraci metod',
  'admin.users.action.reset-methods.summary':
    '{n, plural, one {Vyžadovat novou registraci metod pro # uživatele.} few {Vyžadovat novou registraci metod pro # uživatele.} many {Vyžadovat novou registraci metod pro # uživatele.} other {Vyžadovat novou registraci metod pro # uživatelů.}}',
  'admin.users.action.reset-methods.confirm':
    '{n, plural, one {Vyžadovat novou registraci pro # uživatele} few {Vyžadovat novou registraci pro # uživatele} many {Vyžadovat novou registraci pro # uživatele} other {Vyžadovat novou registraci pro # uživatelů}}',
  'admin.users.action.reset-methods.done':
    '{n, plural, one {Hotovo: # uživatel si při příštím přihlášení znovu zaregistruje metody.} few {Hotovo: # uživatelé si při příštím přihlášení znovu zaregistrují metody.} many {Hotovo: # uživatele si při příštím přihlášení znovu zaregistruje metody.} other {Hotovo: # uživatelů si při příštím přihlášení znovu zaregistruje metody.}}',
  'admin.users.action.reset-methods.explain':
    'Jejich zaregistrované metody ověření se odeberou; uživatelé, jejichž stav vyžaduje MFA, se při příštím přihlášení zaregistrují znovu.',
  'admin.users.action.delete-app-passwords.button': 'Odstranit všechna hesla aplikací',
  'admin.users.action.delete-app-passwords.title': 'Odstranit všechna hesla aplikací',
  'admin.users.action.delete-app-passwords.summary':
    '{n, plural, one {Odstranit všechna hesla aplikací # uživatele.} few {Odstranit všechna hesla aplikací # uživatelů.} many {Odstranit všechna hesla aplikací # uživatele.} other {Odstranit všechna hesla aplikací # uživatelů.}}',
  'admin.users.action.delete-app-passwords.confirm':
    '{n, plural, one {Odstranit hesla aplikací # uživatele} few {Odstranit hesla aplikací # uživatelů} many {Odstranit hesla aplikací # uživatele} other {Odstranit hesla aplikací # uživatelů}}',
  'admin.users.action.delete-app-passwords.done':
    '{n, plural, one {Hotovo: # uživatel přišel o všechna hesla aplikací.} few {Hotovo: # uživatelé přišli o všechna hesla aplikací.} many {Hotovo: # uživatele přišlo o všechna hesla aplikací.} other {Hotovo: # uživatelů přišlo o všechna hesla aplikací.}}',
  'admin.users.action.delete-app-passwords.explain':
    'Všechna hesla aplikací, která vytvořili, se okamžitě odstraní; programy, které je používají, se nepřihlásí, dokud se nevytvoří nová.',
  'admin.users.action.restore-remembered-devices.button':
    'Obnovit MFA na zapamatovaných zařízeních',
  'admin.users.action.restore-remembered-devices.title': 'Obnovit MFA na zapamatovaných zařízeních',
  'admin.users.action.restore-remembered-devices.summary':
    '{n, plural, one {Obnovit MFA na zapamatovaných zařízeních # uživatele.} few {Obnovit MFA na zapamatovaných zařízeních # uživatelů.} many {Obnovit MFA na zapamatovaných zařízeních # uživatele.} other {Obnovit MFA na zapamatovaných zařízeních # uživatelů.}}',
  'admin.users.action.restore-remembered-devices.confirm':
    '{n, plural, one {Obnovit MFA pro # uživatele} few {Obnovit MFA pro # uživatele} many {Obnovit MFA pro # uživatele} other {Obnovit MFA pro # uživatelů}}',
  'admin.users.action.restore-remembered-devices.done':
    '{n, plural, one {Hotovo: # uživatel musí znovu používat MFA na každém zařízení.} few {Hotovo: # uživatelé musí znovu používat MFA na každém zařízení.} many {Hotovo: # uživatele musí znovu používat MFA na každém zařízení.} other {Hotovo: # uživatelů musí znovu používat MFA na každém zařízení.}}',
  'admin.users.action.restore-remembered-devices.explain':
    'Každé zařízení, na kterém se rozhodli MFA přeskakovat, o ni při příštím přihlášení znovu požádá.',
  'admin.users.action.unlock-signin.button': 'Odemknout přihlášení',
  'admin.users.action.unlock-signin.title': 'Odemknout přihlášení',
  'admin.users.action.unlock-signin.summary':
    '{n, plural, one {Odemknout přihlášení pro # uživatele.} few {Odemknout přihlášení pro # uživatele.} many {Odemknout přihlášení pro # uživatele.} other {Odemknout přihlášení pro # uživatelů.}}',
  'admin.users.action.unlock-signin.confirm':
    '{n, plural, one {Odemknout přihlášení pro # uživatele} few {Odemknout přihlášení pro # uživatele} many {Odemknout přihlášení pro # uživatele} other {Odemknout přihlášení pro # uživatelů}}',
  'admin.users.action.unlock-signin.done':
    '{n, plural, one {Hotovo: # uživatel se může znovu pokusit přihlásit.} few {Hotovo: # uživatelé se mohou znovu pokusit přihlásit.} many {Hotovo: # uživatele se může znovu pokusit přihlásit.} other {Hotovo: # uživatelů se může znovu pokusit přihlásit.}}',
  'admin.users.action.unlock-signin.explain':
    'Počty jejich chybných hesel a kódů se vynulují, v prohlížeči i na starších rozhraních – včetně uzamčení po 100 neúspěšných pokusech za sebou, které čekáním nepomine.',

  'admin.user.done.state': 'Stav MFA je nyní {state}.',
  'admin.user.done.blocked': 'Přihlášení je zablokované; otevřené relace byly ukončeny.',
  'admin.user.done.unblocked': 'Přihlášení je znovu povolené.',
  'admin.user.done.default': 'Výchozí metoda se změnila.',
  'admin.user.done.methodDeleted': 'Metoda byla odstraněna.',
  'admin.user.done.resetMethods':
    'Metody byly odebrány: uživatel se při příštím přihlášení zaregistruje znovu.',
  'admin.user.done.deleteAppPasswords': 'Všechna hesla aplikací byla odstraněna.',
  'admin.user.done.restoreRememberedDevices': 'Zapamatovaná zařízení budou znovu vyžadovat MFA.',
  'admin.user.done.unlockSignin':
    'Přihlášení je odemčené: neúspěšné pokusy se počítají znovu od nuly.',
  'admin.user.done.invited': 'Pozvánka byla odeslána na adresu {email}.',
  'admin.user.done.invitedUser': 'Pozvánka byla uživateli odeslána.',
  'admin.user.locked':
    'Příliš mnoho chybných hesel nebo kódů: tento uživatel musí počkat, nebo je uzamčen (po 100 neúspěšných pokusech za sebou). Pokud to byl on, zvolte níže {unlock}.',
  'admin.user.details': 'Podrobnosti',
  'admin.user.email': 'E-mail',
  'admin.user.mobile': 'Mobilní telefon',
  'admin.user.adminGroup': '{name} (správci)',
  'admin.user.sourceDirectory': 'Adresář: {dn} (heslo, jméno a skupiny se spravují tam)',
  'admin.user.sourceLocal': 'Místní (heslo uchovává Portcullis)',
  'admin.user.roleAdmin': 'Správce',
  'admin.user.roleUser': 'Uživatel',
  'admin.user.signin': 'Přihlášení',
  'admin.user.blockedByDirectory': 'Zablokováno: adresář účet zakázal nebo ho už neobsahuje',
  'admin.user.blocked': 'Zablokováno',
  'admin.user.allowed': 'Povoleno',
  'admin.user.fraudReported': 'Nahlášena podezřelá aktivita',
  'admin.user.password': 'Heslo',
  'admin.user.passwordOneTime': 'Jednorázové heslo: při příštím přihlášení se musí změnit',
  'admin.user.passwordNone': 'Zatím žádné',
  'admin.user.passwordInvited': 'Zatím žádné (pozvánka odeslána: uživatel si ho nastaví z e-mailu)',
  'admin.user.edit': 'Upravit',
  'admin.user.setState': 'Nastavit stav MFA',
  'admin.user.block': 'Zablokovat přihlášení…',
  'admin.user.unblock': 'Odblokovat přihlášení…',
  'admin.user.resetPassword': 'Resetovat heslo…',
  'admin.user.inviteNewPassword': 'Odeslat pozvánku (k nastavení nového hesla)',
  'admin.user.inviteAgain': 'Znovu odeslat pozvánku',
  'admin.user.delete': 'Odstranit uživatele…',
  'admin.user.methods': 'Metody ověření',
  'admin.user.noMethods': 'Není zaregistrovaná žádná metoda.',
  'admin.user.methodsCaption': 'Zaregistrované metody',
  'admin.user.default': 'Výchozí',
  'admin.user.phone': 'Telefon',
  'admin.user.added': 'Přidáno',
  'admin.user.makeDefault': 'Nastavit jako výchozí',
  'admin.user.noAppPasswords': 'Žádná hesla aplikací.',
  'admin.user.usedFrom': 'Odkud',
  'admin.user.devices': 'Zapamatovaná zařízení',
  'admin.user.deviceCount':
    '{n, plural, =0 {U tohoto uživatele žádné zařízení MFA nepřeskakuje.} one {# zařízení teď přeskakuje MFA.} few {# zařízení teď přeskakují MFA.} many {# zařízení teď přeskakuje MFA.} other {# zařízení teď přeskakuje MFA.}}',
  'admin.user.manage': 'Spravovat uživatelská nastavení',
  'admin.user.manageLegend': 'Zvolte, co chcete udělat',
  'admin.user.manage.resetMethods': 'Vyžadovat, aby uživatel znovu zadal kontaktní metody',
  'admin.user.manage.deleteAppPasswords':
    'Odstranit všechna existující hesla aplikací vygenerovaná uživatelem',
  'admin.user.manage.restoreRememberedDevices':
    'Obnovit vícefaktorové ověřování na všech zapamatovaných zařízeních',
  'admin.user.manage.unlockSignin': 'Odemknout přihlášení po příliš mnoha neúspěšných pokusech',
  'admin.user.chooseWhat': 'Zvolte, co chcete udělat.',
  'admin.user.recentSignins': 'Nedávná přihlášení',
  'admin.user.allSignins': 'Všechna přihlášení tohoto uživatele',
  'admin.user.auditEvents': 'Události auditu',
  'admin.user.setStateConfirm': 'Nastavit stav MFA na {state}',
  'admin.user.blockExplain':
    'Uživatel {name} se nebude moci nikde přihlásit (prohlížeč, hesla aplikací, LDAP, RADIUS), dokud nebude odblokován, a jeho otevřené relace se hned ukončí.',
  'admin.user.blockConfirm': 'Zablokovat přihlášení',
  'admin.user.unblockExplain': 'Uživatel {name} se bude moci znovu přihlásit.',
  'admin.user.unblockExplainFraud':
    '{name} se bude moci znovu přihlásit, po nahlášení podezřelé aktivity však zůstává s vysokým rizikem: riziko zamítněte, až nahlášení prověříte.',
  'admin.user.unblockConfirm': 'Odblokovat přihlášení',
  'admin.user.resetExplain':
    'Pro uživatele {name} se vygeneruje jednorázové heslo, které se vám jednou zobrazí; jeho současné heslo přestane fungovat a otevřené relace se ukončí. Při příštím přihlášení si zvolí nové heslo.',
  'admin.user.resetConfirm': 'Resetovat heslo',
  'admin.user.otpTitle': 'Jednorázové heslo pro {upn}',
  'admin.user.otpAdvice':
    'Předejte ho uživateli bezpečným kanálem. Zobrazí se jen teď; uživatel ho musí při příštím přihlášení změnit.',
  'admin.user.methodGone': 'Tato metoda už neexistuje.',
  'admin.user.deleteMethod': 'Metoda {method} uživatele {name} se odstraní.',
  'admin.user.deleteMethodPhone': 'Metoda {method} ({phone}) uživatele {name} se odstraní.',
  'admin.user.deleteOnlyMethod':
    'Je to jeho jediná metoda: při příštím přihlášení si zaregistruje novou.',
  'admin.user.deleteMethodConfirm': 'Odstranit metodu',

  'admin.signins.none': 'Žádná přihlášení.',
  'admin.signins.caption': 'Přihlášení od nejnovějších',
  'admin.signins.reason': 'Důvod',
  'admin.signins.application': 'Aplikace',
  'admin.signins.front': 'Rozhraní',
  'admin.signins.browser': 'prohlížeč',
  'admin.signins.address': 'Adresa',
  'admin.signins.result.success': 'Úspěch',
  'admin.signins.result.failure': 'Neúspěch',
  'admin.signins.result.interrupted': 'Přerušeno',

  'admin.userForm.upn': 'Uživatelské jméno (UPN)',
  'admin.userForm.email': 'E-mailová adresa',
  'admin.userForm.emailInvite': 'E-mailová adresa (sem přijde pozvánka)',
  'admin.userForm.mobile': 'Mobilní telefon (nabídne se, když uživatel registruje telefon)',
  'admin.userForm.language': 'Jazyk (např. en, de, fr-CA)',
  'admin.userForm.invite':
    'Odeslat pozvánku e-mailem: uživatel si zvolí heslo a zaregistruje metody',
  'admin.userForm.oneTime':
    'Vytvořit jednorázové heslo, které se zde jednou zobrazí a při prvním přihlášení se musí změnit',
  'admin.userForm.create': 'Vytvořit uživatele',
  'admin.userForm.importLink': 'Importovat uživatele ze souboru CSV',
  'admin.userForm.editTitle': 'Upravit: {name}',
  'admin.userForm.fromDirectory':
    'Uživatelské jméno, e-mail a číslo mobilního telefonu pocházejí z adresáře.',
  'admin.userForm.otpAdvice':
    'Předejte ho uživateli bezpečnou cestou: zobrazí se jen teď a při prvním přihlášení se musí změnit.',
  'admin.userForm.deleteTitle': 'Odstranit: {name}',
  'admin.userForm.deleteQuestion': 'Odstranit uživatele {name} ({upn})?',
  'admin.userForm.deleteExplain':
    'Spolu s ním se odstraní jeho metody, hesla aplikací, relace a členství ve skupinách. Tuto akci nelze vrátit zpět.',
  'admin.userForm.deleteExplainDirectory':
    'Spolu s ním se odstraní jeho metody, hesla aplikací, relace a členství ve skupinách. Tuto akci nelze vrátit zpět; příští synchronizace adresáře ho vytvoří znovu, dokud ho adresář obsahuje.',
  'admin.userForm.deleteConfirm': 'Odstranit {upn}',

  'admin.upload.template': 'Stáhnout šablonu',
  'admin.upload.file': 'Soubor CSV',
  'admin.upload.check': 'Zkontrolovat soubor',
  'admin.upload.noFile': 'Zvolte soubor CSV, který chcete nahrát.',
  'admin.upload.notUtf8':
    'Soubor není text v kódování UTF-8. Uložte ho jako „CSV UTF-8“ a zkuste to znovu.',
  'admin.upload.preview': 'Náhled',
  'admin.upload.nothing': 'Není co měnit.',
  'admin.upload.another': 'Nahrát jiný soubor',
  'admin.upload.anotherShort': 'Jiný soubor',
  'admin.upload.apply':
    '{n, plural, one {Použít # změnu} few {Použít # změny} many {Použít # změny} other {Použít # změn}}',
  'admin.upload.applySkipping':
    '{changeCount, plural, one {Použít # změnu} few {Použít # změny} many {Použít # změny} other {Použít # změn}} ({errorCount, plural, one {přeskočit # řádek s chybami} few {přeskočit # řádky s chybami} many {přeskočit # řádku s chybami} other {přeskočit # řádků s chybami}})',
  'admin.upload.errorsSkipped':
    '{n, plural, one {s chybami, bude přeskočen} few {s chybami, budou přeskočeny} many {s chybami, bude přeskočeno} other {s chybami, bude přeskočeno}}',
  'admin.upload.errorsNotApplied':
    '{n, plural, one {s chybami, nepoužit} few {s chybami, nepoužity} many {s chybami, nepoužito} other {s chybami, nepoužito}}',
  'admin.upload.everyRow': 'Všechny řádky souboru, chybné jako první',
  'admin.upload.line': 'Řádek',
  'admin.upload.error': 'Chyba',
  'admin.upload.rowError': 'Chyba: {error}',
  'admin.upload.rowNoChange': 'Beze změny',
  'admin.upload.moreRows':
    '{n, plural, one {…a # další řádek bez chyb.} few {…a # další řádky bez chyb.} many {…a # dalšího řádku bez chyb.} other {…a # dalších řádků bez chyb.}}',
  'admin.upload.applying': 'Použití změn',
  'admin.upload.checkingRows': 'Kontrola řádků',
  'admin.upload.result': 'Výsledek',
  'admin.upload.notApplied': 'Nepoužité řádky',

  'admin.import.title': 'Importovat uživatele',
  'admin.import.intro':
    'Nahrajte soubor CSV, jehož první řádek pojmenovává sloupce: {columns}. Povinný je jen sloupec {upn}; prázdné pole nic nemění; {email} je u nových uživatelů ve výchozím nastavení uživatelské jméno; {mfa} má hodnotu Disabled, Enabled nebo Enforced. {template}.',
  'admin.import.how':
    'Noví uživatelé se vytvoří bez hesla a dostanou pozvánku e-mailem; existující uživatelé se aktualizují tam, kde sloupec obsahuje něco nového. Každý řádek se nejdřív zkontroluje a nic se nezmění, dokud změny nepoužijete; přitom se všechny bezchybné řádky zapíšou v jedné transakci, nikdy ne řádek s chybou.',
  'admin.import.toCreate':
    '{n, plural, one {k vytvoření} few {k vytvoření} many {k vytvoření} other {k vytvoření}}',
  'admin.import.toUpdate':
    '{n, plural, one {k aktualizaci} few {k aktualizaci} many {k aktualizaci} other {k aktualizaci}}',
  'admin.import.created':
    '{n, plural, one {vytvořen} few {vytvořeni} many {vytvořeno} other {vytvořeno}}',
  'admin.import.updated':
    '{n, plural, one {aktualizován} few {aktualizováni} many {aktualizováno} other {aktualizováno}}',
  'admin.import.unchanged':
    '{n, plural, one {beze změny} few {beze změny} many {beze změny} other {beze změny}}',
  'admin.import.invited':
    '{n, plural, one {pozván e-mailem} few {pozváni e-mailem} many {pozváno e-mailem} other {pozváno e-mailem}}',
  'admin.import.invite': 'Odeslat novým uživatelům pozvánku e-mailem',
  'admin.import.rowCreate': 'Vytvořit',
  'admin.import.rowUpdate': 'Aktualizovat: {changes}',
  'admin.import.writingUsers': 'Zápis uživatelů',
  'admin.import.failed': 'Import selhal a nic se nezměnilo.',

  'admin.bulk.intro':
    'Nahrajte soubor CSV ve formátu šablony Microsoftu – řádek záhlaví {header} a potom jeden uživatel na řádek s hodnotou Disabled, Enabled nebo Enforced (UTF-8, s BOM i bez něj). {template}.',
  'admin.bulk.how':
    'Každý řádek se nejdřív zkontroluje a nic se nezmění, dokud změny nepoužijete. Přitom se všechny bezchybné řádky zapíšou v jedné transakci – změní se buď všechny, nebo žádný – a nikdy ne řádek s chybou.',
  'admin.bulk.willChange':
    '{n, plural, one {se změní} few {se změní} many {se změní} other {se změní}}',
  'admin.bulk.changed': '{n, plural, one {změněn} few {změněni} many {změněno} other {změněno}}',
  'admin.bulk.already':
    '{n, plural, one {už v tomto stavu je} few {už v tomto stavu jsou} many {už v tomto stavu je} other {už v tomto stavu je}}',
  'admin.bulk.now': 'Nyní',
  'admin.bulk.new': 'Nový',
  'admin.bulk.rowChange': 'Změnit',
  'admin.bulk.writingChanges': 'Zápis změn',
  'admin.bulk.failed': 'Aktualizace selhala a nic se nezměnilo.',

  'admin.groups.deleted': 'Skupina {name} byla odstraněna.',
  'admin.groups.search': 'Hledat podle názvu',
  'admin.groups.none': 'Žádné skupiny.',
  'admin.groups.caption': 'Skupiny seřazené podle názvu',
  'admin.groups.members': 'Členové',
  'admin.groups.roleAdmins': 'Správci',
  'admin.groups.source.local': 'místní',
  'admin.groups.source.scim': 'SCIM',
  'admin.groups.source.directory': 'adresář',
  'admin.groups.new': 'Nová skupina',
  'admin.groups.description': 'Popis',
  'admin.groups.adminRole': 'Členové jsou správci',
  'admin.groups.create': 'Vytvořit skupinu',
  'admin.group.added': 'Členové byli přidáni.',
  'admin.group.removed': 'Člen byl odebrán.',
  'admin.group.stateSet':
    '{n, plural, one {Stav MFA členů byl nastaven (# změněn).} few {Stav MFA členů byl nastaven (# změněni).} many {Stav MFA členů byl nastaven (# změněno).} other {Stav MFA členů byl nastaven (# změněno).}}',
  'admin.group.stateSetSome': 'Stav MFA členů byl nastaven.',
  'admin.group.sourceDirectory': 'Adresář (název a členové se spravují tam)',
  'admin.group.sourceScim': 'Zřizování (SCIM)',
  'admin.group.sourceLocal': 'Vytvořeno zde',
  'admin.group.roleNone': 'Žádná',
  'admin.group.addUsers':
    'Přidat uživatele (uživatelská jména oddělená mezerami, čárkami nebo novými řádky)',
  'admin.group.add': 'Přidat',
  'admin.group.remove': 'Odebrat',
  'admin.group.moreMembers': 'Další členové',
  'admin.group.stateTitle': 'Stav MFA všech členů',
  'admin.group.setTo': 'Nastavit na',
  'admin.group.delete': 'Odstranit skupinu…',
  'admin.group.stateSummary':
    '{n, plural, one {Nastavit stav MFA # člena skupiny {group} na {state}.} few {Nastavit stav MFA # členů skupiny {group} na {state}.} many {Nastavit stav MFA # člena skupiny {group} na {state}.} other {Nastavit stav MFA # členů skupiny {group} na {state}.}}',
  'admin.group.stateExplain':
    'Členové, kteří už v tomto stavu jsou, se nezmění; uživatelé, kteří se připojí později, se nemění.',
  'admin.group.stateConfirm': 'Nastavit {state}',
  'admin.group.deleteQuestion': 'Odstranit skupinu {group}?',
  'admin.group.deleteExplain':
    '{n, plural, =0 {Nemá žádné členy.} one {Její # člen zůstane uživatelem.} few {Její # členové zůstanou uživateli.} many {Jejích # člena zůstane uživateli.} other {Jejích # členů zůstane uživateli.}}',
  'admin.group.deleteExplainAdmins':
    '{n, plural, =0 {Nemá žádné členy.} one {Její # člen zůstane uživatelem, ale přijde o roli správce, kterou mu skupina dávala.} few {Její # členové zůstanou uživateli, ale přijdou o roli správce, kterou jim skupina dávala.} many {Jejích # člena zůstane uživateli, ale přijde o roli správce, kterou jim skupina dávala.} other {Jejích # členů zůstane uživateli, ale přijde o roli správce, kterou jim skupina dávala.}}',
  'admin.group.deleteConfirm': 'Odstranit {group}',

  'admin.settings.saved': 'Nastavení bylo uloženo.',
  'admin.settings.notSaved': 'Neuloženo: {reason}',
  'admin.settings.wholeNumber': '{field}: zadejte celé číslo.',
  // A user's Temporary Access Pass.
  'admin.pass.title': 'Dočasný přístupový kód',
  'admin.pass.none':
    'Žádný kód. S kódem se uživatel přihlásí a zaregistruje metody bez jakékoli jiné metody (první den, ztracený telefon).',
  'admin.pass.notForUser': 'Zásady metod tomuto uživateli dočasné přístupové kódy nedávají.',
  'admin.pass.active': 'Kód platí do {expires}.',
  'admin.pass.activeOnce': 'Jednorázový kód platí do {expires}.',
  'admin.pass.used': 'Jednorázový kód byl použit: už nepřihlásí.',
  'admin.pass.expired': 'Platnost kódu vypršela.',
  'admin.pass.revoke': 'Zrušit kód',
  'admin.pass.lifetime': 'Platnost',
  'admin.pass.oneTime': 'Jen pro jedno přihlášení',
  'admin.pass.create': 'Vytvořit kód',
  'admin.pass.replace': 'Vytvořit nový kód (nahradí tento)',
  'admin.pass.createExplain':
    'S dočasným přístupovým kódem se {name} přihlásí a zaregistruje metody ověření bez jakékoli jiné metody. Nahradí dřívější kód a zobrazí se jen jednou.',
  'admin.pass.createConfirm': 'Vytvořit kód',
  'admin.pass.revokeExplain': 'Dočasný přístupový kód uživatele {name} už nepřihlásí.',
  'admin.pass.revokeConfirm': 'Zrušit',
  'admin.pass.revoked': 'Kód byl zrušen.',
  'admin.pass.shownTitle': 'Dočasný přístupový kód pro {upn}',
  'admin.pass.shownAdvice':
    'Předejte ho uživateli sami (osobně nebo telefonem): zobrazuje se jen teď. Přihlašuje, dokud nevyprší.',
  'admin.pass.shownAdviceOnce':
    'Předejte ho uživateli sami (osobně nebo telefonem): zobrazuje se jen teď a platí pro jedno přihlášení.',
  'admin.pass.minutes':
    '{n, plural, one {# minuta} few {# minuty} many {# minuty} other {# minut}}',
  'admin.pass.hours': '{n, plural, one {# hodina} few {# hodiny} many {# hodiny} other {# hodin}}',
  'admin.pass.days': '{n, plural, one {# den} few {# dny} many {# dne} other {# dní}}',
  // The authentication methods policy.
  'admin.settings.methodsMoved': 'Které metody kdo smí používat, se nastavuje v části {link}.',
  'admin.methodsPolicy.intro':
    'Metody ověření, které lidé smějí registrovat a používat: každá pro všechny uživatele nebo pro členy vybraných skupin, nikdy pro členy vyloučené skupiny. Vypnutá metoda se nenabízí ani nepřijímá.',
  'admin.methodsPolicy.caption': 'Metody a kdo je smí používat',
  'admin.methodsPolicy.method': 'Metoda',
  'admin.methodsPolicy.state': 'Stav',
  'admin.methodsPolicy.target': 'Pro',
  'admin.methodsPolicy.excluded': 'Vyloučeni',
  'admin.methodsPolicy.options': 'Možnosti',
  'admin.methodsPolicy.on': 'Zapnuto',
  'admin.methodsPolicy.off': 'Vypnuto',
  'admin.methodsPolicy.allUsers': 'Všichni uživatelé',
  'admin.methodsPolicy.selected': 'Členové těchto skupin',
  'admin.methodsPolicy.includeHelp':
    'Skupiny, jeden název na řádek (když ne pro všechny uživatele)',
  'admin.methodsPolicy.excludeHelp': 'Nikdy pro členy těchto skupin (jeden název na řádek)',
  'admin.methodsPolicy.enabled': 'Zapnout: {method}',
  'admin.methodsPolicy.useForSignIn':
    'Nabízet SMS k přihlášení (vypnuto: číslo lze stále zaregistrovat, jen pro obnovení)',
  'admin.methodsPolicy.smsSignIn': 'K přihlášení',
  'admin.methodsPolicy.smsRecovery': 'Jen k obnovení',
  'admin.methodsPolicy.phones': 'Hovory mohou zvonit na',
  'admin.methodsPolicy.phone.mobile': 'Mobilní telefon',
  'admin.methodsPolicy.phone.alternateMobile': 'Alternativní mobilní telefon',
  'admin.methodsPolicy.phone.office': 'Telefon do kanceláře',
  'admin.methodsPolicy.attestationRequired':
    'Vyžadovat ověření původu: nový přístupový klíč musí prokázat výrobce a model certifikátem důvěryhodného výrobce (kořeny v PORTCULLIS_PASSKEY_ATTESTATION_ROOTS). Již registrovaných klíčů se to netýká.',
  'admin.methodsPolicy.attested': 'vyžadováno ověření původu',
  'admin.methodsPolicy.aaguids':
    'Povolené modely autentizátorů (AAGUID, jeden na řádek; prázdné: jakýkoli model)',
  'admin.methodsPolicy.models':
    '{n, plural, one {# model autentizátoru} few {# modely autentizátorů} many {# modelu autentizátoru} other {# modelů autentizátorů}}',
  'admin.methodsPolicy.method.authenticator': 'Oznámení v aplikaci (Portcullis Authenticator)',
  'admin.methodsPolicy.method.totp': 'Kódy z ověřovací aplikace (TOTP)',
  'admin.methodsPolicy.method.sms': 'SMS',
  'admin.methodsPolicy.method.voice': 'Hlasové hovory',
  'admin.methodsPolicy.method.passkey': 'Přístupové klíče',
  'admin.methodsPolicy.method.recoveryCodes': 'Kódy pro obnovení',
  'admin.methodsPolicy.method.temporaryAccessPass': 'Dočasný přístupový kód',
  'admin.settings.systemPreferredMfa':
    'Nejdřív žádat nejsilnější metodu, kterou uživatel má (přístupový klíč, oznámení, kód z aplikace, pak SMS nebo hovor), ne jeho výchozí (systémem preferované MFA); jinou si může zvolit',
  'admin.methodsPolicy.method.registrationCampaign': 'Registrační kampaň',
  'admin.methodsPolicy.campaignOptions': 'O co jsou uživatelé požádáni',
  'admin.methodsPolicy.campaign.methods':
    'Požádat uživatele, kteří se přihlásí zprávou nebo hovorem, aby si nastavili',
  'admin.methodsPolicy.campaign.method.authenticator': 'Portcullis Authenticator',
  'admin.methodsPolicy.campaign.method.passkey': 'přístupový klíč',
  'admin.methodsPolicy.campaign.snoozeDays': 'Dny, o které „Teď ne“ odloží otázku (0 až 14)',
  'admin.methodsPolicy.campaign.snoozeLimit':
    'Kolikrát smí uživatel říct „Teď ne“ (1 až 10; 0: bez omezení)',
  'admin.methodsPolicy.campaignSummary':
    '{methods}; znovu dotaz {days, plural, =0 {při každém přihlášení} one {po # dni} few {po # dnech} many {po # dnech} other {po # dnech}}; {limit, plural, =0 {„Teď ne“ bez omezení} one {„Teď ne“ #krát} few {„Teď ne“ #krát} many {„Teď ne“ #krát} other {„Teď ne“ #krát}}',
  'admin.methodsPolicy.phoneOnly':
    '{count, plural, =0 {Žádný uživatel nespoléhá jen na zprávy a hovory.} one {# uživatel stále spoléhá jen na zprávy a hovory.} few {# uživatelé stále spoléhají jen na zprávy a hovory.} many {# uživatelů stále spoléhá jen na zprávy a hovory.} other {# uživatelů stále spoléhá jen na zprávy a hovory.}}',
  'admin.methodsPolicy.passOptions': 'Kódy',
  'admin.methodsPolicy.pass.defaultLifetimeMinutes':
    'Platnost kódu, pokud správce nezvolí jinou (minuty)',
  'admin.methodsPolicy.pass.maxLifetimeMinutes':
    'Nejdelší platnost (minuty; nejvýše 43200, 30 dní)',
  'admin.methodsPolicy.pass.defaultLength': 'Počet znaků kódu (8 až 48)',
  'admin.methodsPolicy.pass.oneTimeOnly': 'Každý kód platí jen pro jedno přihlášení',
  'admin.methodsPolicy.passSummary': 'výchozí {default} min, nejvýše {longest} min; {length} znaků',
  'admin.methodsPolicy.passSummaryOnce':
    'výchozí {default} min, nejvýše {longest} min; {length} znaků; každý na jedno přihlášení',
  'admin.settings.methods': 'Možnosti ověření: metody, které mohou uživatelé používat',
  'admin.settings.appPasswordsAllowed':
    'Povolit uživatelům vytvářet hesla aplikací pro přihlášení do programů, které nepodporují MFA',
  'admin.settings.rememberDevices':
    'Zapamatovat si vícefaktorové ověřování na důvěryhodných zařízeních',
  'admin.settings.rememberDevicesEnabled':
    'Povolit uživatelům zapamatovat si MFA na zařízeních, kterým důvěřují',
  'admin.settings.registration': 'Registrace a hesla',
  'admin.settings.passwordChangeRevokesAppPasswords':
    'Když uživatelé změní heslo, odstranit i jejich hesla aplikací',
  'admin.settings.mail': 'E-maily uživatelům (pokud mají adresu)',
  'admin.settings.mailOnMethodChange':
    'Když se k jejich účtu přidá metoda ověření nebo se z něj odebere',
  'admin.settings.mailOnAppPassword': 'Když se vytvoří heslo aplikace',
  'admin.settings.mailOnPasswordChange': 'Když se změní jejich heslo',
  'admin.settings.passkeys': 'Přístupové klíče',
  'admin.settings.adminPhishingResistant':
    'Správci potřebují pro tento portál přihlášení odolné proti phishingu (přístupový klíč); slabší relace je o něj požádána. Tokeny API a příkazový řádek na serveru se to netýká.',
  'admin.settings.adminPhishingResistantFirst':
    'Nejprve se přihlaste přístupovým klíčem (otevřete portál v novém přihlášení a použijte svůj klíč), aby vás zapnutí nemohlo zablokovat.',
  'admin.settings.passwordlessSignin':
    'Umožnit přihlášení jen přístupovým klíčem, bez hesla (PIN nebo biometrie přístupového klíče se počítá jako druhý faktor)',
  'admin.settings.fatigue': 'Portcullis Authenticator (únava z MFA)',
  'admin.settings.namedLocations': 'Pojmenovaná umístění',
  'admin.settings.namedLocationsHelp':
    'Pojmenovaná umístění: jedno na řádek, rozsah a za ním název, např. 10.1.0.0/16 Pražská kancelář (Portcullis Authenticator zobrazí nejkonkrétnější umístění, které obsahuje adresu požadavku)',
  'admin.settings.trustedIps': 'Důvěryhodné IP adresy',
  'admin.settings.trustedIpsHelp':
    'Přeskočit MFA při přihlášení v prohlížeči z těchto rozsahů (jeden CIDR na řádek, IPv4 nebo IPv6, např. 10.0.0.0/8 nebo 2001:db8::/32)',
  'admin.settings.fraud': 'Nahlášení podezřelé aktivity',
  'admin.settings.fraudAlertEnabled':
    'Povolit uživatelům nahlásit hovor, SMS nebo oznámení, o které nežádali',
  'admin.settings.limits': 'Platnost kódů a limity odesílání',
  'admin.settings.number.rememberDevicesDays':
    'Počet dní, po které zapamatované zařízení přeskakuje MFA (1–365)',
  'admin.settings.number.proofupGraceDays':
    'Počet dní, o které mohou uživatelé ve stavu Povoleno odložit registraci metody (0–90; 0: nikdy)',
  'admin.settings.number.pushFatigueLimit':
    'Pozastavit oznámení aplikace po tomto počtu zamítnutých nebo nezodpovězených požadavků (1–20)',
  'admin.settings.number.pushFatigueMinutes': '… během tohoto počtu minut (1–1440)',
  'admin.settings.number.phoneCodeMinutes': 'Počet minut, po které platí kód odeslaný SMS (1–10)',
  'admin.settings.number.callTimeoutSeconds':
    'Počet sekund, po které ověřovací hovor čeká na # (10–300)',
  'admin.settings.number.sendLimitPerUser': 'SMS a hovory na uživatele za 15 minut',
  'admin.settings.number.sendLimitPerNumber': 'SMS a hovory na telefonní číslo za 15 minut',
  'admin.settings.number.sendLimitPerAddress': 'SMS a hovory na adresu klienta za 15 minut',

  'admin.logs.filter': 'Filtrovat',
  'admin.logs.export': 'Exportovat všechny odpovídající záznamy do CSV',
  'admin.logs.newest': 'Nejnovější',
  'admin.logs.older': 'Starší záznamy',
  'admin.logs.method': 'Metoda (např. PhoneAppOTP, password, app password)',
  'admin.logs.application': 'ID aplikace',
  'admin.logs.since': 'Od (např. 2026-11-01)',
  'admin.logs.until': 'Do',
  'admin.audit.none': 'Žádné události.',
  'admin.audit.caption': 'Události auditu od nejnovějších',
  'admin.audit.who': 'Kdo',
  'admin.audit.from': 'Odkud',
  'admin.audit.action': 'Akce',
  'admin.audit.detail': 'Podrobnosti',
  'admin.audit.userFilter': 'Dotčený uživatel',
  'admin.audit.actorFilter': 'Kdo (uživatelské jméno správce, „token NÁZEV“ nebo cli)',
  'admin.audit.actionFilter': 'Akce (např. mfa_state_set)',

  'admin.tokens.intro':
    'Tokeny rozhraní API pro správu umožňují skriptům používat rozhraní REST API ({openapi}) a příkazový řádek s parametrem {url}. Token se zobrazí jen jednou; uchovává se jen jeho hash.',
  'admin.tokens.none': 'Žádné tokeny.',
  'admin.tokens.scope': 'Rozsah',
  'admin.tokens.personalData': 'Osobní údaje',
  'admin.tokens.by': 'Kdo',
  'admin.tokens.revoke': 'Odvolat…',
  'admin.tokens.create': 'Vytvořit token',
  'admin.tokens.name': 'Název (k čemu slouží)',
  'admin.tokens.scopeRead': 'Jen čtení: může prohlížet, ale nic nezmění',
  'admin.tokens.scopeReadWrite': 'Čtení a zápis: může dělat vše, co rozhraní API pro správu nabízí',
  'admin.tokens.scopeScim':
    'Zřizování SCIM: jen koncové body SCIM ({path}), pro zprostředkovatele identity nebo personální systém',
  'admin.tokens.personalDataRight': 'Může vidět osobní údaje (celá telefonní čísla)',
  'admin.tokens.createButton': 'Vytvořit token',
  'admin.tokens.revoked': 'Token byl odvolán.',
  'admin.tokens.chooseScope': 'Zvolte rozsah.',
  'admin.tokens.created': 'Token „{name}“ byl vytvořen',
  'admin.tokens.storeNow': 'Uložte si ho hned: zobrazí se jen jednou.',
  'admin.tokens.noSuch': 'Takový token neexistuje.',
  'admin.tokens.revokeExplain':
    'Skripty, které používají token „{name}“, okamžitě přestanou fungovat.',
  'admin.tokens.revokeConfirm': 'Odvolat token',

  'admin.apps.front.verify': 'Ověření HTTP',
  'admin.apps.front.forwardAuth': 'Forward-auth',
  'admin.apps.front.ldap': 'LDAP',
  'admin.apps.front.radius': 'RADIUS',
  'admin.apps.kindLegacy': 'Starší',
  'admin.apps.kindOidc': 'OpenID Connect',
  'admin.apps.kindMachine': 'OpenID Connect (strojový)',
  'admin.apps.deviceCode': 'Kód zařízení na /device',
  'admin.apps.kindDevice': 'OpenID Connect (zařízení)',
  'admin.apps.kindSaml': 'SAML 2.0',
  'admin.apps.samlEntity': 'ID entity',
  'admin.apps.radiusMode': 'Režim RADIUS',
  'admin.apps.radiusModeAppPassword':
    'Heslo aplikace (nebo heslo účtu, kde to stav MFA uživatele dovolí)',
  'admin.apps.radiusModeMfa':
    'MFA: heslo účtu a pak druhý faktor (kód po výzvě nebo schválení v telefonu)',
  'admin.apps.radiusMfaSet': 'RADIUS s MFA',
  'admin.apps.radiusOldClients':
    'Přijímat i požadavky RADIUS bez Message-Authenticator (staří klienti, např. pam_radius_auth 2.0; slabší)',
  'admin.apps.radiusSaved': 'Nastavení RADIUS aplikace „{name}“ bylo uloženo.',
  'admin.apps.radiusTitle': 'Nastavení RADIUS aplikace {name}',
  'admin.apps.changeRadius': 'Nastavení RADIUS',
  'admin.apps.radiusSecretSet': 'tajný klíč RADIUS nastaven',
  'admin.apps.clientCredentials': 'Přihlašovací údaje klienta',
  'admin.apps.afterSignout': 'Po odhlášení:',
  'admin.apps.none': 'Zatím žádné aplikace.',
  'admin.apps.id': 'ID (ID klienta)',
  'admin.apps.kind': 'Druh',
  'admin.apps.uses': 'Rozhraní nebo identifikátory URI pro přesměrování',
  'admin.apps.strength': 'Síla',
  'admin.apps.firstParty': 'Vlastní',
  'admin.apps.changeUris': 'Změnit identifikátory URI pro přesměrování…',
  'admin.apps.newSecret': 'Nový tajný klíč klienta…',
  'admin.apps.notAdded': 'Nepřidáno: {reason}',
  'admin.apps.notChanged': 'Nezměněno: {reason}',
  'admin.apps.redirectUris':
    'Identifikátory URI pro přesměrování, jeden na řádek (https; http jen pro localhost)',
  'admin.apps.backchannelUri':
    'URI pro odhlášení back-channel (nepovinné; dostane zprávu, když relace skončí: odhlášení, blokování, nové heslo)',
  'admin.apps.postLogoutUrisNew':
    'Identifikátory URI pro přesměrování po odhlášení, jeden na řádek (volitelné; kam může odhlášení z aplikace lidi vrátit, stejná pravidla)',
  'admin.apps.postLogoutUrisEdit':
    'Identifikátory URI pro přesměrování po odhlášení, jeden na řádek (kam může odhlášení z aplikace lidi vrátit; prázdné, pokud žádné)',
  'admin.apps.strengthHelp':
    'Požadovaná síla ověření (slabší přihlášení je požádáno jen o to, co chybí)',
  'admin.apps.strength.none': 'Žádná (rozhoduje stav MFA každého uživatele)',
  'admin.apps.strength.mfa': 'Vícefaktorové ověřování',
  'admin.apps.strength.passwordless': 'MFA bez hesla (přístupový klíč)',
  'admin.apps.strength.phishing-resistant': 'MFA odolné proti phishingu (přístupový klíč)',
  'admin.apps.firstPartyHelp': 'Vlastní: naše vlastní aplikace, bez stránky se souhlasem',
  'admin.apps.idTokenAlg': 'ID tokeny podepsané pomocí',
  'admin.apps.idTokenAlgRs256': 'RS256 (rozumí mu každý klient)',
  'admin.apps.idTokenAlgEs256': 'ES256 (menší a rychlejší; klient ho musí podporovat)',
  'admin.apps.machineHelp':
    'Strojový klient: přihlašovací údaje klienta, žádní uživatelé a žádné identifikátory URI pro přesměrování',
  'admin.apps.deviceHelp':
    'Klient zařízení (nástroje příkazové řádky, televizory): uživatelé se přihlásí na /device kódem, který zobrazí; veřejný, bez tajného klíče klienta a bez URI přesměrování',
  'admin.apps.addClient': 'Přidat klienta',
  'admin.apps.urisTitle': 'Identifikátory URI pro přesměrování aplikace „{name}“',
  'admin.apps.fronts': 'Rozhraní, která smí používat',
  'admin.apps.radiusSecret':
    '{max, plural, one {Sdílený tajný klíč RADIUS (volitelné, {min} až # znak; aplikace je pak klientem RADIUS)} few {Sdílený tajný klíč RADIUS (volitelné, {min} až # znaky; aplikace je pak klientem RADIUS)} many {Sdílený tajný klíč RADIUS (volitelné, {min} až # znaku; aplikace je pak klientem RADIUS)} other {Sdílený tajný klíč RADIUS (volitelné, {min} až # znaků; aplikace je pak klientem RADIUS)}}',
  'admin.apps.addLegacy': 'Přidat aplikaci',
  'admin.apps.intro':
    'Starší aplikace (poštovní servery, VPN, weby za proxy) jsou na rozhraních označeny svým ID; klienti OpenID Connect ho používají jako ID klienta. Tajný klíč klienta se zobrazí jen jednou; uchovává se jen jeho zapečetěná kopie.',
  'admin.apps.addOidcTitle': 'Přidat klienta OpenID Connect',
  'admin.apps.addLegacyTitle': 'Přidat starší aplikaci',
  'admin.apps.noSuch': 'Taková aplikace neexistuje (už byla odstraněna?).',
  'admin.apps.deleted': 'Aplikace byla odstraněna.',
  'admin.apps.added': 'Aplikace „{name}“ byla přidána: její ID aplikace je {id}.',
  'admin.apps.urisSaved': 'Identifikátory URI pro přesměrování aplikace „{name}“ byly uloženy.',
  'admin.apps.noUris':
    'Identifikátory URI pro přesměrování má jen webový klient (OpenID Connect, ne strojový klient).',
  'admin.apps.clientAdded': 'Klient „{name}“ byl přidán',
  'admin.apps.clientAddedAdvice':
    'ID klienta: {id}. Uložte si tajný klíč klienta hned: zobrazí se jen jednou.',
  'admin.apps.deleteOidc':
    'Odstranit klienta OpenID Connect „{name}“ ({id}). Jeho udělená oprávnění a tokeny se odstraní a okamžitě přestanou fungovat; aplikace už nikoho nepřihlásí. Hesla aplikací omezená jen na ni se odstraní; ostatní ji jen vyřadí ze svého seznamu. Tuto akci nelze vrátit zpět.',
  'admin.apps.deleteLegacy':
    'Odstranit aplikaci „{name}“ ({id}). Její rozhraní pro ni okamžitě přestanou přijímat přihlášení. Hesla aplikací omezená jen na ni se odstraní; ostatní ji jen vyřadí ze svého seznamu. Tuto akci nelze vrátit zpět.',
  'admin.apps.deleteConfirm': 'Odstranit aplikaci',
  'admin.apps.newSecretExplain':
    'Přidělit aplikaci „{name}“ ({id}) nový tajný klíč klienta. Současný tajný klíč okamžitě přestane fungovat: aplikace potřebuje nový, aby získala tokeny. Tokeny, které už má, platí až do vypršení.',
  'admin.apps.newSecretConfirm': 'Vytvořit nový tajný klíč',
  'admin.apps.newSecretTitle': 'Nový tajný klíč klienta pro „{name}“',
  'admin.apps.newSecretAdvice':
    'ID klienta: {id}. Uložte si tajný klíč hned: zobrazí se jen jednou.',
  'admin.apps.serviceAccountSet': 'servisní účet LDAP',
  'admin.apps.onlyGroups': 'Jen členové skupin: {groups}',
  'admin.apps.noOne': 'Nikdo (její skupiny byly smazány)',
  'admin.apps.access': 'Kdo ji smí používat…',
  'admin.apps.accessTitle': 'Kdo smí používat „{name}“',
  'admin.apps.accessAll': 'Všichni uživatelé',
  'admin.apps.accessGroups':
    'Jen členové těchto skupin: na všech starších rozhraních, a jen je vidí i její servisní účet LDAP',
  'admin.apps.accessGroupNames': 'Názvy skupin, jeden na řádek',
  'admin.apps.accessSaved': 'Uloženo, kdo smí používat „{name}“.',
  'admin.apps.newServiceAccount': 'Nový servisní účet LDAP…',
  'admin.apps.deleteServiceAccount': 'Smazat servisní účet LDAP…',
  'admin.apps.serviceAccountExplain':
    '„{name}“ ({id}) dostane nový servisní účet LDAP pro programy, které uživatele před přihlášením vyhledávají. Dosavadní tajný klíč přestane hned platit.',
  'admin.apps.serviceAccountConfirm': 'Vytvořit servisní účet',
  'admin.apps.serviceAccountTitle': 'Servisní účet LDAP aplikace „{name}“',
  'admin.apps.serviceAccountAdvice':
    'Bind DN: {dn}. Uložte si tajný klíč (heslo pro bind) hned: zobrazí se jen jednou.',
  'admin.apps.deleteServiceAccountExplain':
    'Smazat servisní účet LDAP aplikace „{name}“ ({id})? Programy, které se jím přihlašují, přestanou uživatele nacházet.',
  'admin.apps.deleteServiceAccountConfirm': 'Smazat servisní účet',
  'admin.apps.serviceAccountDeleted': 'Servisní účet LDAP aplikace „{name}“ byl smazán.',
  'admin.apps.ldapServiceAccountHelp':
    'Vytvořit servisní účet LDAP (pro programy, které uživatele před přihlášením vyhledávají)',

  'admin.directory.notContacted': 'Tento uzel se k adresáři zatím nepřipojil.',
  'admin.directory.up': 'dostupný',
  'admin.directory.down': 'nedostupný',
  'admin.directory.upSince': '{tag} od {since}',
  'admin.directory.downSince':
    '{tag} od {since}: {error}. Uživatelé z adresáře se mezitím nemohou přihlásit; místních uživatelů a hesel aplikací se to netýká.',
  'admin.directory.notSynced':
    '{n, plural, one {Nesynchronizováno (#)} few {Nesynchronizováno (#)} many {Nesynchronizováno (#)} other {Nesynchronizováno (#)}}',
  'admin.directory.entry': 'Záznam',
  'admin.directory.why': 'Důvod',
  'admin.directory.dryRunDone': 'Zkušební běh: nic se nezměnilo',
  'admin.directory.synced': 'Synchronizováno',
  'admin.directory.report':
    '{entryCount, plural, one {# záznam} few {# záznamy} many {# záznamu} other {# záznamů}}: {createdCount, plural, one {# vytvořen} few {# vytvořeny} many {# vytvořeno} other {# vytvořeno}}, {updatedCount, plural, one {# aktualizován} few {# aktualizovány} many {# aktualizováno} other {# aktualizováno}}, {blockedCount, plural, one {# zablokován} few {# zablokovány} many {# zablokováno} other {# zablokováno}}, {unblockedCount, plural, one {# odblokován} few {# odblokovány} many {# odblokováno} other {# odblokováno}}, {deletedCount, plural, one {# odstraněn} few {# odstraněny} many {# odstraněno} other {# odstraněno}}, {unchangedCount, plural, one {# beze změny} few {# beze změny} many {# beze změny} other {# beze změny}}.',
  'admin.directory.wouldChange': 'Plánované změny',
  'admin.directory.changed': 'Provedené změny',
  'admin.directory.changes': 'Změny',
  'admin.directory.action.create': 'vytvořit',
  'admin.directory.action.adopt': 'převzít',
  'admin.directory.action.update': 'aktualizovat',
  'admin.directory.action.block': 'zablokovat',
  'admin.directory.action.unblock': 'odblokovat',
  'admin.directory.action.delete': 'odstranit',
  'admin.directory.works': 'Připojení funguje',
  'admin.directory.searched':
    '{n, plural, =0 {Přihlášeno jako účet služby a v {base} vyhledáno {filter}: nenalezen žádný záznam.} one {Přihlášeno jako účet služby a v {base} vyhledáno {filter}: # záznam, načtený takto:} few {Přihlášeno jako účet služby a v {base} vyhledáno {filter}: # záznamy, načtené takto:} many {Přihlášeno jako účet služby a v {base} vyhledáno {filter}: # záznamu, načteného takto:} other {Přihlášeno jako účet služby a v {base} vyhledáno {filter}: # záznamů, načtených takto:}}',
  'admin.directory.mail': 'E-mail',
  'admin.directory.mobile': 'Mobil',
  'admin.directory.language': 'Jazyk',
  'admin.directory.disabled': 'Zakázáno',
  'admin.directory.problem': 'Problém',
  'admin.directory.notConfigured':
    'Není nakonfigurován žádný adresář: uživatelé jsou místní. Chcete-li převzít uživatele a jejich hesla ze služby Active Directory nebo OpenLDAP, nastavte {url} a {base} (viz README, oddíl „Users from a directory“).',
  'admin.directory.connection': 'Připojení',
  'admin.directory.kind': 'Druh',
  'admin.directory.servers': 'Servery',
  'admin.directory.usersUnder': 'Uživatelé pod',
  'admin.directory.serviceAccount': 'Účet služby',
  'admin.directory.anonymous': 'anonymně',
  'admin.directory.userCounts':
    '{directoryCount, plural, one {# z adresáře} few {# z adresáře} many {# z adresáře} other {# z adresáře}} ({blockedCount, plural, one {# z nich jím zablokován} few {# z nich jím zablokováni} many {# z nich jím zablokováno} other {# z nich jím zablokováno}}), {localCount, plural, one {# místní} few {# místní} many {# místního} other {# místních}}',
  'admin.directory.lookUp': 'Uživatelské jméno k vyhledání (volitelné)',
  'admin.directory.test': 'Otestovat připojení',
  'admin.directory.sync': 'Synchronizace',
  'admin.directory.lastSync': 'Poslední synchronizace',
  'admin.directory.lastRun':
    '({trigger}, {actor}): {status}, {createdCount, plural, one {# vytvořen} few {# vytvořeny} many {# vytvořeno} other {# vytvořeno}}, {updatedCount, plural, one {# aktualizován} few {# aktualizovány} many {# aktualizováno} other {# aktualizováno}}, {blockedCount, plural, one {# zablokován} few {# zablokovány} many {# zablokováno} other {# zablokováno}}, {unblockedCount, plural, one {# odblokován} few {# odblokovány} many {# odblokováno} other {# odblokováno}}, {deletedCount, plural, one {# odstraněn} few {# odstraněny} many {# odstraněno} other {# odstraněno}}',
  'admin.directory.lastRunFailed': '({trigger}, {actor}): {status} – {error}',
  'admin.directory.never': 'nikdy',
  'admin.directory.nextSync': 'Další synchronizace',
  'admin.directory.syncOff': 'vypnuto (PORTCULLIS_DIRECTORY_SYNC_MINUTES=0)',
  'admin.directory.dryRun': 'Zkušební běh (jen zobrazit, co by se změnilo)',
  'admin.directory.syncNow': 'Synchronizovat teď',
  'admin.directory.recent': 'Nedávné synchronizace',
  'admin.directory.started': 'Zahájeno',
  'admin.directory.colCreated': 'Vytvořeno',
  'admin.directory.colUpdated': 'Aktualizováno',
  'admin.directory.colBlocked': 'Zablokováno',
  'admin.directory.colNotSynced': 'Nesynchronizováno',
  'admin.directory.status.running': 'probíhá',
  'admin.directory.status.succeeded': 'úspěšná',
  'admin.directory.status.partial': 'částečná',
  'admin.directory.status.failed': 'neúspěšná',
  'admin.directory.trigger.schedule': 'plán',
  'admin.directory.trigger.cli': 'příkazový řádek',
  'admin.directory.trigger.portal': 'portál',
  'admin.directory.trigger.api': 'API',
  'admin.branding.link': 'Branding: název, logo a nápověda vaší organizace',
  'admin.branding.title': 'Branding',
  'admin.branding.back': 'Zpět na nastavení služby',
  'admin.branding.intro':
    'Název, logo a nápověda vaší organizace se zobrazují na každé přihlašovací stránce, v SMS zprávách, hovorech a e-mailech a jako název účtu v ověřovacích aplikacích.',
  'admin.branding.name': 'Název organizace',
  'admin.branding.nameHint':
    'Pokud pole zůstane prázdné, stránky a zprávy uvádějí Portcullis. Ověřovací aplikace zobrazují název platný v době přidání metody.',
  'admin.branding.helpText': 'Text nápovědy (například komu volat při ztrátě telefonu)',
  'admin.branding.helpUrl': 'Odkaz na nápovědu (https://, http://, mailto: nebo tel:)',
  'admin.branding.logo': 'Logo',
  'admin.branding.currentLogo': 'Aktuální logo',
  'admin.branding.noLogo': 'Žádné logo.',
  'admin.branding.logoFile': 'Obrázek PNG, JPEG, GIF nebo WebP o velikosti nejvýše 256 KiB',
  'admin.branding.removeLogo': 'Odebrat logo',
  'admin.branding.badLogo':
    'Logo musí být obrázek PNG, JPEG, GIF nebo WebP o velikosti nejvýše 256 KiB.',
  'admin.auditAction.api_token_created': 'Token API vytvořen',
  'admin.auditAction.api_token_revoked': 'Token API odvolán',
  'admin.auditAction.app_password_created': 'Heslo aplikace vytvořeno',
  'admin.auditAction.app_password_deleted': 'Heslo aplikace odstraněno',
  'admin.auditAction.application_changed': 'Aplikace změněna',
  'admin.auditAction.application_created': 'Aplikace vytvořena',
  'admin.auditAction.application_deleted': 'Aplikace odstraněna',
  'admin.auditAction.application_secret_changed': 'Aplikaci přidělen nový tajný klíč',
  'admin.auditAction.application_service_account_set': 'Servisní účet LDAP vytvořen',
  'admin.auditAction.application_service_account_deleted': 'Servisní účet LDAP smazán',
  'admin.auditAction.default_method_set': 'Výchozí metoda nastavena',
  'admin.auditAction.fraud_reported': 'Nahlášena podezřelá aktivita',
  'admin.auditAction.group_created': 'Skupina vytvořena',
  'admin.auditAction.group_deleted': 'Skupina odstraněna',
  'admin.auditAction.group_updated': 'Skupina změněna',
  'admin.auditAction.invitation_accepted': 'Pozvánka přijata',
  'admin.auditAction.method_added': 'Metoda přidána',
  'admin.auditAction.method_deleted': 'Metoda odstraněna',
  'admin.auditAction.mfa_state_set': 'Stav MFA nastaven',
  'admin.auditAction.passkey_flagged': 'Přístupový klíč označen jako podezřelý',
  'admin.auditAction.password_changed': 'Heslo změněno',
  'admin.auditAction.password_reset': 'Heslo resetováno',
  'admin.auditAction.password_set': 'Heslo nastaveno',
  'admin.auditAction.settings_changed': 'Nastavení služby změněno',
  'admin.auditAction.tap_created': 'Dočasný přístupový kód vytvořen',
  'admin.auditAction.tap_revoked': 'Dočasný přístupový kód zrušen',
  'admin.auditAction.tap_used': 'Přihlášení dočasným přístupovým kódem',
  'admin.auditAction.tap_expired': 'Dočasnému přístupovému kódu vypršela platnost',
  'admin.auditAction.methods_policy_changed': 'Zásady metod ověřování změněny',
  'admin.auditAction.signing_keys_rotated': 'Podpisové klíče obměněny',
  'admin.auditAction.user_created': 'Uživatel vytvořen',
  'admin.auditAction.user_deleted': 'Uživatel odstraněn',
  'admin.auditAction.user_invited': 'Uživatel pozván',
  'admin.auditAction.user_updated': 'Uživatel změněn',
  'admin.auditKey.name': 'Název',
  'admin.auditKey.scope': 'Rozsah',
  'admin.auditKey.scopes': 'Aplikace',
  'admin.auditKey.rights': 'Práva',
  'admin.auditKey.expiresAt': 'Platnost do',
  'admin.auditKey.reason': 'Důvod',
  'admin.auditKey.application': 'Aplikace',
  'admin.auditKey.via': 'Prostřednictvím',
  'admin.auditKey.blocked': 'Zablokováno',
  'admin.auditKey.by': 'Kdo',
  'admin.auditKey.methodType': 'Metoda',
  'admin.auditKey.methodTypes': 'Metody',
  'admin.auditKey.during': 'Během',
  'admin.auditKey.field': 'Pole',
  'admin.auditKey.fields': 'Pole',
  'admin.auditKey.from': 'Původně',
  'admin.auditKey.to': 'Nově',
  'admin.auditKey.removed': 'Odebráno',
  'admin.auditKey.fronts': 'Rozhraní',
  'admin.auditKey.after': 'Po',
  'admin.auditKey.state': 'Stav',
  'admin.auditKey.mfaState': 'Stav MFA',
  'admin.auditKey.isAdmin': 'Správce',
  'admin.settings.highRiskAction': 'Nahlášení zvýší riziko uživatele na vysoké, a potom',
  'admin.settings.highRisk.block': 'je přihlášení blokováno, dokud správce riziko nezamítne',
  'admin.settings.highRisk.changePassword':
    'si uživatel při příštím přihlášení po MFA změní heslo (uživatelé z adresáře jsou místo toho blokováni)',
  'admin.settings.highRisk.reregister':
    'jsou metody uživatele odebrány a musí je zaregistrovat znovu',
  'admin.settings.highRisk.none': 'nic dalšího (riziko se jen zaznamená)',
  'admin.user.risk': 'Riziko',
  'admin.user.riskHigh': 'Vysoké: uživatel nahlásil podezřelou aktivitu',
  'admin.user.riskRemediated': 'Žádné: napraveno změnou hesla',
  'admin.user.riskDismissed': 'Žádné: zamítnuto správcem',
  'admin.user.dismissRisk': 'Zamítnout riziko…',
  'admin.user.dismissRiskExplain':
    '{name} nahlásil(a) hovor, SMS nebo oznámení, o které nežádal(a). Riziko zamítněte, až nahlášení prověříte: bude opět žádné a blokování, které nahlášení nastavilo, se zruší.',
  'admin.user.dismissRiskConfirm': 'Zamítnout riziko',
  'admin.user.done.riskDismissed': 'Riziko bylo zamítnuto.',
  'admin.users.risk': 'Riziko',
  'admin.users.riskHigh': 'Vysoké',
  'admin.users.tagHighRisk': 'vysoké riziko',
  'admin.auditAction.risk_dismissed': 'Riziko zamítnuto',
  'admin.auditKey.riskLevel': 'Riziko',
  'admin.auditKey.action': 'Akce',
  'admin.auditKey.unblocked': 'Odblokováno',
  'admin.pass.pending': 'Kód začne platit {starts} a platí do {expires}.',
  'admin.nav.reports': 'Sestavy',
  'admin.reports.title': 'Používání a registrace',
  'admin.reports.registration': 'Registrace',
  'admin.reports.users': 'Uživatelé, kteří se smějí přihlásit',
  'admin.reports.capable': 'Schopní MFA (metoda, která stačí sama)',
  'admin.reports.withoutMethod': 'Bez jakékoli metody',
  'admin.reports.phoneOnly': 'Jen SMS a hovory',
  'admin.reports.methods': 'Registrované metody podle uživatelů, kteří je mají',
  'admin.reports.usersWith': 'Uživatelé',
  'admin.reports.list': 'Uživatelé podle registrace',
  'admin.reports.show': 'Zobrazit',
  'admin.reports.filter.all': 'Všichni uživatelé, kteří se smějí přihlásit',
  'admin.reports.filter.capable': 'Schopní MFA',
  'admin.reports.filter.notCapable': 'Neschopní MFA',
  'admin.reports.filter.noMethod': 'Bez jakékoli metody',
  'admin.reports.filter.phoneOnly': 'Jen SMS a hovory',
  'admin.reports.export': 'Exportovat jako CSV',
  'admin.reports.capableColumn': 'Schopen MFA',
  'admin.reports.methodsColumn': 'Metody',
  'admin.reports.noUsers': 'Žádný uživatel neodpovídá.',
  'admin.reports.signins': 'Přihlášení',
  'admin.reports.period': 'Období',
  'admin.reports.lastDays':
    '{n, plural, one {Poslední den} few {Poslední # dny} many {Posledních # dne} other {Posledních # dní}}',
  'admin.reports.noSignins': 'V tomto období nebylo žádné přihlášení.',
  'admin.reports.byResult':
    '{n, plural, one {Dnešní přihlášení podle výsledku (UTC)} few {Přihlášení za den za poslední # dny podle výsledku (UTC)} many {Přihlášení za den za posledních # dne podle výsledku (UTC)} other {Přihlášení za den za posledních # dní podle výsledku (UTC)}}',
  'admin.reports.byMethod':
    '{n, plural, one {Dnešní přihlášení podle metody (UTC)} few {Přihlášení za den za poslední # dny podle metody (UTC)} many {Přihlášení za den za posledních # dne podle metody (UTC)} other {Přihlášení za den za posledních # dní podle metody (UTC)}}',
  'admin.reports.figures': 'Čísla den po dni',
  'admin.reports.date': 'Datum (UTC)',
  'admin.reports.total': 'Celkem',
  'admin.reports.tip': '{date} · {label}: {value}',
  'admin.reports.passwordOnly': 'Jen heslo, nebo žádná',
  'admin.reports.password': 'Heslo',
} satisfies Record<keyof typeof en, string>;
