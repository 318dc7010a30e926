import type en from './en.ts';

// Slovak (sk): the admin portal. Keys and {placeholders} exactly as in en.ts;
// Microsoft's Slovak for Entra (správca, prihlásenie, denník auditu). Plurals:
// one 1, few 2–4, many fractions, other 0 and 5+.
export default {
  'admin.layout.title': '{title} · Správa Portcullis',
  'admin.layout.brand': 'Správa Portcullis',
  'admin.layout.skip': 'Preskočiť na obsah',
  'admin.layout.nav': 'Správa',
  'admin.layout.signOut': 'Odhlásiť sa',
  'admin.nav.users': 'Používatelia',
  'admin.nav.groups': 'Skupiny',
  'admin.nav.bulk': 'Hromadná aktualizácia',
  'admin.nav.settings': 'Nastavenia služby',
  'admin.nav.methodsPolicy': 'Metódy overovania',
  'admin.nav.signins': 'Prihlásenia',
  'admin.nav.audit': 'Denník auditu',
  'admin.nav.tokens': 'Tokeny API',
  'admin.nav.apps': 'Aplikácie',
  'admin.nav.directory': 'Adresár',
  'admin.needsPasskey':
    'Portál na správu vyžaduje prihlásenie prístupovým kľúčom: otvorte ho znova a prihláste sa ním.',
  'admin.noPasskey':
    'Portál na správu vyžaduje prihlásenie prístupovým kľúčom a vy žiadny nemôžete použiť ani zaregistrovať. Požiadajte iného správcu alebo požiadavku vypnite na serveri (portcullis settings set adminPhishingResistant off).',
  'admin.forbidden': 'Portál správcu je určený len pre správcov.',
  'admin.confirm.title': 'Potvrďte, prosím',

  'admin.common.cancel': 'Zrušiť',
  'admin.common.copy': 'Kopírovať',
  'admin.common.save': 'Uložiť',
  'admin.common.saved': 'Uložené.',
  'admin.common.search': 'Hľadať',
  'admin.common.change': 'Zmeniť…',
  'admin.common.continue': 'Pokračovať…',
  'admin.common.deleteAsk': 'Odstrániť…',
  'admin.common.yes': 'Áno',
  'admin.common.no': 'Nie',
  'admin.common.any': 'Všetky',
  'admin.common.name': 'Názov',
  'admin.common.displayName': 'Zobrazované meno',
  'admin.common.userName': 'Používateľské meno',
  'admin.common.user': 'Používateľ',
  'admin.common.mfaState': 'Stav MFA',
  'admin.common.method': 'Metóda',
  'admin.common.source': 'Zdroj',
  'admin.common.role': 'Rola',
  'admin.common.created': 'Vytvorené',
  'admin.common.lastUsed': 'Naposledy použité',
  'admin.common.lastSignin': 'Posledné prihlásenie',
  'admin.common.time': 'Čas',
  'admin.common.result': 'Výsledok',
  'admin.common.actions': 'Akcie',
  'admin.common.appPasswords': 'Heslá aplikácií',
  'admin.common.pages': 'Stránky',
  'admin.common.firstPage': 'Prvá stránka',
  'admin.common.nextPage': 'Ďalšia stránka',
  'admin.common.backToUsers': 'Späť na používateľov',

  'admin.users.new': 'Nový používateľ',
  'admin.users.import': 'Importovať z CSV',
  'admin.users.exportThese': 'Exportovať týchto používateľov do CSV',
  'admin.users.exportAll': 'Exportovať všetkých používateľov do CSV',
  'admin.users.search': 'Hľadať podľa mena alebo používateľského mena',
  'admin.users.perPage': 'Na stránku',
  'admin.users.noMatch': 'Hľadaniu nezodpovedá žiadny používateľ.',
  'admin.users.caption': 'Používatelia zoradení podľa používateľského mena',
  'admin.users.captionContinued': 'Používatelia (pokračovanie) zoradení podľa používateľského mena',
  'admin.users.selectPage': 'Vybrať všetkých používateľov na tejto stránke',
  'admin.users.select': 'Vybrať: {name} ({upn})',
  'admin.users.defaultMethod': 'Predvolená metóda',
  'admin.users.tagAdmin': 'správca',
  'admin.users.tagDirectory': 'adresár',
  'admin.users.tagBlocked': 'zablokovaný',
  'admin.users.scopeAllPages':
    'Nielen vybraní: všetci používatelia, ktorí zodpovedajú tomuto hľadaniu (na všetkých stránkach)',
  'admin.users.scopeAllUsers':
    'Nielen vybraní: všetci používatelia, ktorí zodpovedajú tomuto hľadaniu (všetci používatelia)',
  'admin.users.withSelected': 'S vybranými používateľmi',
  'admin.users.deleted': 'Používateľ {upn} bol odstránený.',
  'admin.users.doneSome': 'Hotovo.',
  'admin.users.chooseAction': 'Vyberte jednu z akcií.',
  'admin.users.selectFirst': 'Najprv vyberte aspoň jedného používateľa.',
  'admin.users.tooManyMatch':
    '{max, plural, one {Hľadaniu zodpovedá viac ako # používateľ: zúžte hľadanie alebo použite súbor na hromadnú aktualizáciu.} few {Hľadaniu zodpovedajú viac ako # používatelia: zúžte hľadanie alebo použite súbor na hromadnú aktualizáciu.} many {Hľadaniu zodpovedá viac ako # používateľa: zúžte hľadanie alebo použite súbor na hromadnú aktualizáciu.} other {Hľadaniu zodpovedá viac ako # používateľov: zúžte hľadanie alebo použite súbor na hromadnú aktualizáciu.}}',
  'admin.users.nameNow': '{name} ({upn}) – teraz {state}',
  'admin.users.andMore':
    '{n, plural, one {…a # ďalší} few {…a # ďalší} many {…a # ďalšieho} other {…a # ďalších}}',
  'admin.users.includesAdmins':
    'Patria medzi nich správcovia ({admins}): ich heslo prestane fungovať aj v klientoch mimo prehliadača.',
  'admin.users.already':
    '{n, plural, one {# z nich už v tomto stave je a nezmení sa.} few {# z nich už v tomto stave sú a nezmenia sa.} many {# z nich už v tomto stave je a nezmení sa.} other {# z nich už v tomto stave je a nezmení sa.}}',

  'admin.users.action.Enabled.button': 'Povoliť',
  'admin.users.action.Enabled.title': 'Povoliť MFA',
  'admin.users.action.Enabled.summary':
    '{n, plural, one {Povoliť MFA pre # používateľa.} few {Povoliť MFA pre # používateľov.} many {Povoliť MFA pre # používateľa.} other {Povoliť MFA pre # používateľov.}}',
  'admin.users.action.Enabled.confirm':
    '{n, plural, one {Povoliť pre # používateľa} few {Povoliť pre # používateľov} many {Povoliť pre # používateľa} other {Povoliť pre # používateľov}}',
  'admin.users.action.Enabled.done':
    '{n, plural, one {Hotovo: MFA povolené pre # používateľa.} few {Hotovo: MFA povolené pre # používateľov.} many {Hotovo: MFA povolené pre # používateľa.} other {Hotovo: MFA povolené pre # používateľov.}}',
  'admin.users.action.Enabled.explain':
    'Pri najbližšom prihlásení v prehliadači budú vyzvaní zaregistrovať metódu overenia a potom prejdú do stavu Vynútené. Dovtedy ich heslo v ostatných programoch naďalej funguje.',
  'admin.users.action.Enforced.button': 'Vynútiť',
  'admin.users.action.Enforced.title': 'Vynútiť MFA',
  'admin.users.action.Enforced.summary':
    '{n, plural, one {Vynútiť MFA pre # používateľa.} few {Vynútiť MFA pre # používateľov.} many {Vynútiť MFA pre # používateľa.} other {Vynútiť MFA pre # používateľov.}}',
  'admin.users.action.Enforced.confirm':
    '{n, plural, one {Vynútiť pre # používateľa} few {Vynútiť pre # používateľov} many {Vynútiť pre # používateľa} other {Vynútiť pre # používateľov}}',
  'admin.users.action.Enforced.done':
    '{n, plural, one {Hotovo: MFA vynútené pre # používateľa.} few {Hotovo: MFA vynútené pre # používateľov.} many {Hotovo: MFA vynútené pre # používateľa.} other {Hotovo: MFA vynútené pre # používateľov.}}',
  'admin.users.action.Enforced.explain':
    'V prehliadači musia používať viacfaktorové overovanie a ich heslo prestane fungovať v programoch, ktoré MFA nepodporujú (poštové aplikácie, starší Office, skripty): tie potrebujú heslá aplikácií. Používatelia, ktorí ešte nemajú zaregistrovanú metódu, ju zaregistrujú pri najbližšom prihlásení.',
  'admin.users.action.Disabled.button': 'Zakázať',
  'admin.users.action.Disabled.title': 'Zakázať MFA',
  'admin.users.action.Disabled.summary':
    '{n, plural, one {Zakázať MFA pre # používateľa.} few {Zakázať MFA pre # používateľov.} many {Zakázať MFA pre # používateľa.} other {Zakázať MFA pre # používateľov.}}',
  'admin.users.action.Disabled.confirm':
    '{n, plural, one {Zakázať pre # používateľa} few {Zakázať pre # používateľov} many {Zakázať pre # používateľa} other {Zakázať pre # používateľov}}',
  'admin.users.action.Disabled.done':
    '{n, plural, one {Hotovo: MFA zakázané pre # používateľa.} few {Hotovo: MFA zakázané pre # používateľov.} many {Hotovo: MFA zakázané pre # používateľa.} other {Hotovo: MFA zakázané pre # používateľov.}}',
  'admin.users.action.Disabled.explain':
    'Už od nich nebude vyžadovaný druhý faktor a ich heslo opäť funguje vo všetkých programoch. Ich zaregistrované metódy zostanú zachované.',
  'admin.users.action.reset-methods.button': 'Vyžadovať novú registráciu metód',
  'admin.users.action.reset-methods.title': 'Vyžadovať novú registráciu metód',
  'admin.users.action.reset-methods.summary':
    '{n, plural, one {Vyžadovať novú registráciu metód pre # používateľa.} few {Vyžadovať novú registráciu metód pre # používateľov.} many {Vyžadovať novú registráciu metód pre # používateľa.} other {Vyžadovať novú registráciu metód pre # používateľov.}}',
  'admin.users.action.reset-methods.confirm':
    '{n, plural, one {Vyžadovať novú registráciu pre # používateľa} few {Vyžadovať novú registráciu pre # používateľov} many {Vyžadovať novú registráciu pre # používateľa} other {Vyžadovať novú registráciu pre # používateľov}}',
  'admin.users.action.reset-methods.done':
    '{n, plural, one {Hotovo: # používateľ si pri najbližšom prihlásení znova zaregistruje metódy.} few {Hotovo: # používatelia si pri najbližšom prihlásení znova zaregistrujú metódy.} many {Hotovo: # používateľa si pri najbližšom prihlásení znova zaregistruje metódy.} other {Hotovo: # používateľov si pri najbližšom prihlásení znova zaregistruje metódy.}}',
  'admin.users.action.reset-methods.explain':
    'Ich zaregistrované metódy overenia sa odoberú; používatelia, ktorých stav vyžaduje MFA, sa pri najbližšom prihlásení zaregistrujú znova.',
  'admin.users.action.delete-app-passwords.button': 'Odstrániť všetky heslá aplikácií',
  'admin.users.action.delete-app-passwords.title': 'Odstrániť všetky heslá aplikácií',
  'admin.users.action.delete-app-passwords.summary':
    '{n, plural, one {Odstrániť všetky heslá aplikácií # používateľa.} few {Odstrániť všetky heslá aplikácií # používateľov.} many {Odstrániť všetky heslá aplikácií # používateľa.} other {Odstrániť všetky heslá aplikácií # používateľov.}}',
  'admin.users.action.delete-app-passwords.confirm':
    '{n, plural, one {Odstrániť heslá aplikácií # používateľa} few {Odstrániť heslá aplikácií # používateľov} many {Odstrániť heslá aplikácií # používateľa} other {Odstrániť heslá aplikácií # používateľov}}',
  'admin.users.action.delete-app-passwords.done':
    '{n, plural, one {Hotovo: # používateľ prišiel o všetky heslá aplikácií.} few {Hotovo: # používatelia prišli o všetky heslá aplikácií.} many {Hotovo: # používateľa prišlo o všetky heslá aplikácií.} other {Hotovo: # používateľov prišlo o všetky heslá aplikácií.}}',
  'admin.users.action.delete-app-passwords.explain':
    'Všetky heslá aplikácií, ktoré vytvorili, sa okamžite odstránia; programy, ktoré ich používajú, sa neprihlásia, kým sa nevytvoria nové.',
  'admin.users.action.restore-remembered-devices.button':
    'Obnoviť MFA na zapamätaných zariadeniach',
  'admin.users.action.restore-remembered-devices.title': 'Obnoviť MFA na zapamätaných zariadeniach',
  'admin.users.action.restore-remembered-devices.summary':
    '{n, plural, one {Obnoviť MFA na zapamätaných zariadeniach # používateľa.} few {Obnoviť MFA na zapamätaných zariadeniach # používateľov.} many {Obnoviť MFA na zapamätaných zariadeniach # používateľa.} other {Obnoviť MFA na zapamätaných zariadeniach # používateľov.}}',
  'admin.users.action.restore-remembered-devices.confirm':
    '{n, plural, one {Obnoviť MFA pre # používateľa} few {Obnoviť MFA pre # používateľov} many {Obnoviť MFA pre # používateľa} other {Obnoviť MFA pre # používateľov}}',
  'admin.users.action.restore-remembered-devices.done':
    '{n, plural, one {Hotovo: # používateľ musí znova používať MFA na každom zariadení.} few {Hotovo: # používatelia musia znova používať MFA na každom zariadení.} many {Hotovo: # používateľa musí znova používať MFA na každom zariadení.} other {Hotovo: # používateľov musí znova používať MFA na každom zariadení.}}',
  'admin.users.action.restore-remembered-devices.explain':
    'Každé zariadenie, na ktorom sa rozhodli MFA preskakovať, si ho pri najbližšom prihlásení znova vyžiada.',
  'admin.users.action.unlock-signin.button': 'Odomknúť prihlásenie',
  'admin.users.action.unlock-signin.title': 'Odomknúť prihlásenie',
  'admin.users.action.unlock-signin.summary':
    '{n, plural, one {Odomknúť prihlásenie pre # používateľa.} few {Odomknúť prihlásenie pre # používateľov.} many {Odomknúť prihlásenie pre # používateľa.} other {Odomknúť prihlásenie pre # používateľov.}}',
  'admin.users.action.unlock-signin.confirm':
    '{n, plural, one {Odomknúť prihlásenie pre # používateľa} few {Odomknúť prihlásenie pre # používateľov} many {Odomknúť prihlásenie pre # používateľa} other {Odomknúť prihlásenie pre # používateľov}}',
  'admin.users.action.unlock-signin.done':
    '{n, plural, one {Hotovo: # používateľ sa môže znova pokúsiť prihlásiť.} few {Hotovo: # používatelia sa môžu znova pokúsiť prihlásiť.} many {Hotovo: # používateľa sa môže znova pokúsiť prihlásiť.} other {Hotovo: # používateľov sa môže znova pokúsiť prihlásiť.}}',
  'admin.users.action.unlock-signin.explain':
    'Počty ich chybných hesiel a kódov sa vynulujú, v prehliadači aj na starších rozhraniach – vrátane uzamknutia po 100 neúspešných pokusoch za sebou, ktoré čakaním nepominie.',

  'admin.user.done.state': 'Stav MFA je teraz {state}.',
  'admin.user.done.blocked': 'Prihlásenie je zablokované; otvorené relácie boli ukončené.',
  'admin.user.done.unblocked': 'Prihlásenie je znova povolené.',
  'admin.user.done.default': 'Predvolená metóda sa zmenila.',
  'admin.user.done.methodDeleted': 'Metóda bola odstránená.',
  'admin.user.done.resetMethods':
    'Metódy boli odobraté: používateľ sa pri najbližšom prihlásení zaregistruje znova.',
  'admin.user.done.deleteAppPasswords': 'Všetky heslá aplikácií boli odstránené.',
  'admin.user.done.restoreRememberedDevices': 'Zapamätané zariadenia budú znova vyžadovať MFA.',
  'admin.user.done.unlockSignin':
    'Prihlásenie je odomknuté: neúspešné pokusy sa počítajú znova od nuly.',
  'admin.user.done.invited': 'Pozvánka bola odoslaná na adresu {email}.',
  'admin.user.done.invitedUser': 'Pozvánka bola používateľovi odoslaná.',
  'admin.user.locked':
    'Príliš veľa chybných hesiel alebo kódov: tento používateľ musí počkať, alebo je uzamknutý (po 100 neúspešných pokusoch za sebou). Ak to bol on, vyberte nižšie {unlock}.',
  'admin.user.details': 'Podrobnosti',
  'admin.user.email': 'E-mail',
  'admin.user.mobile': 'Mobilný telefón',
  'admin.user.adminGroup': '{name} (správcovia)',
  'admin.user.sourceDirectory': 'Adresár: {dn} (heslo, meno a skupiny sa spravujú tam)',
  'admin.user.sourceLocal': 'Miestny (heslo uchováva Portcullis)',
  'admin.user.roleAdmin': 'Správca',
  'admin.user.roleUser': 'Používateľ',
  'admin.user.signin': 'Prihlásenie',
  'admin.user.blockedByDirectory': 'Zablokované: adresár konto zakázal alebo ho už neobsahuje',
  'admin.user.blocked': 'Zablokované',
  'admin.user.allowed': 'Povolené',
  'admin.user.fraudReported': 'Nahlásená podozrivá aktivita',
  'admin.user.password': 'Heslo',
  'admin.user.passwordOneTime': 'Jednorazové heslo: pri najbližšom prihlásení sa musí zmeniť',
  'admin.user.passwordNone': 'Zatiaľ žiadne',
  'admin.user.passwordInvited':
    'Zatiaľ žiadne (pozvánka odoslaná: používateľ si ho nastaví z e-mailu)',
  'admin.user.edit': 'Upraviť',
  'admin.user.setState': 'Nastaviť stav MFA',
  'admin.user.block': 'Zablokovať prihlásenie…',
  'admin.user.unblock': 'Odblokovať prihlásenie…',
  'admin.user.resetPassword': 'Resetovať heslo…',
  'admin.user.inviteNewPassword': 'Odoslať pozvánku (na nastavenie nového hesla)',
  'admin.user.inviteAgain': 'Znova odoslať pozvánku',
  'admin.user.delete': 'Odstrániť používateľa…',
  'admin.user.methods': 'Metódy overenia',
  'admin.user.noMethods': 'Nie je zaregistrovaná žiadna metóda.',
  'admin.user.methodsCaption': 'Zaregistrované metódy',
  'admin.user.default': 'Predvolená',
  'admin.user.phone': 'Telefón',
  'admin.user.added': 'Pridané',
  'admin.user.makeDefault': 'Nastaviť ako predvolenú',
  'admin.user.noAppPasswords': 'Žiadne heslá aplikácií.',
  'admin.user.usedFrom': 'Odkiaľ',
  'admin.user.devices': 'Zapamätané zariadenia',
  'admin.user.deviceCount':
    '{n, plural, =0 {U tohto používateľa žiadne zariadenie MFA nepreskakuje.} one {# zariadenie teraz preskakuje MFA.} few {# zariadenia teraz preskakujú MFA.} many {# zariadenia teraz preskakuje MFA.} other {# zariadení teraz preskakuje MFA.}}',
  'admin.user.manage': 'Spravovať nastavenia používateľa',
  'admin.user.manageLegend': 'Vyberte, čo chcete urobiť',
  'admin.user.manage.resetMethods': 'Vyžadovať, aby používateľ znova zadal kontaktné metódy',
  'admin.user.manage.deleteAppPasswords':
    'Odstrániť všetky existujúce heslá aplikácií vygenerované používateľom',
  'admin.user.manage.restoreRememberedDevices':
    'Obnoviť viacfaktorové overovanie na všetkých zapamätaných zariadeniach',
  'admin.user.manage.unlockSignin': 'Odomknúť prihlásenie po príliš veľa neúspešných pokusoch',
  'admin.user.chooseWhat': 'Vyberte, čo chcete urobiť.',
  'admin.user.recentSignins': 'Nedávne prihlásenia',
  'admin.user.allSignins': 'Všetky prihlásenia tohto používateľa',
  'admin.user.auditEvents': 'Udalosti auditu',
  'admin.user.setStateConfirm': 'Nastaviť stav MFA na {state}',
  'admin.user.blockExplain':
    'Používateľ {name} sa nebude môcť nikde prihlásiť (prehliadač, heslá aplikácií, LDAP, RADIUS), kým nebude odblokovaný, a jeho otvorené relácie sa hneď ukončia.',
  'admin.user.blockConfirm': 'Zablokovať prihlásenie',
  'admin.user.unblockExplain': 'Používateľ {name} sa bude môcť znova prihlásiť.',
  'admin.user.unblockExplainFraud':
    '{name} sa bude môcť znova prihlásiť, po nahlásení podozrivej aktivity však zostáva s vysokým rizikom: riziko zamietnite, keď nahlásenie preveríte.',
  'admin.user.unblockConfirm': 'Odblokovať prihlásenie',
  'admin.user.resetExplain':
    'Pre používateľa {name} sa vygeneruje jednorazové heslo, ktoré sa vám raz zobrazí; jeho súčasné heslo prestane fungovať a otvorené relácie sa ukončia. Pri najbližšom prihlásení si zvolí nové heslo.',
  'admin.user.resetConfirm': 'Resetovať heslo',
  'admin.user.otpTitle': 'Jednorazové heslo pre {upn}',
  'admin.user.otpAdvice':
    'Odovzdajte ho používateľovi bezpečným kanálom. Zobrazí sa len teraz; používateľ ho musí pri najbližšom prihlásení zmeniť.',
  'admin.user.methodGone': 'Táto metóda už neexistuje.',
  'admin.user.deleteMethod': 'Metóda {method} používateľa {name} sa odstráni.',
  'admin.user.deleteMethodPhone': 'Metóda {method} ({phone}) používateľa {name} sa odstráni.',
  'admin.user.deleteOnlyMethod':
    'Je to jeho jediná metóda: pri najbližšom prihlásení si zaregistruje novú.',
  'admin.user.deleteMethodConfirm': 'Odstrániť metódu',

  'admin.signins.none': 'Žiadne prihlásenia.',
  'admin.signins.caption': 'Prihlásenia od najnovších',
  'admin.signins.reason': 'Dôvod',
  'admin.signins.application': 'Aplikácia',
  'admin.signins.front': 'Rozhranie',
  'admin.signins.browser': 'prehliadač',
  'admin.signins.address': 'Adresa',
  'admin.signins.result.success': 'Úspech',
  'admin.signins.result.failure': 'Neúspech',
  'admin.signins.result.interrupted': 'Prerušené',

  'admin.userForm.upn': 'Používateľské meno (UPN)',
  'admin.userForm.email': 'E-mailová adresa',
  'admin.userForm.emailInvite': 'E-mailová adresa (sem príde pozvánka)',
  'admin.userForm.mobile': 'Mobilný telefón (ponúkne sa, keď používateľ registruje telefón)',
  'admin.userForm.language': 'Jazyk (napr. en, de, fr-CA)',
  'admin.userForm.invite':
    'Odoslať pozvánku e-mailom: používateľ si zvolí heslo a zaregistruje metódy',
  'admin.userForm.oneTime':
    'Vytvoriť jednorazové heslo, ktoré sa tu raz zobrazí a pri prvom prihlásení sa musí zmeniť',
  'admin.userForm.create': 'Vytvoriť používateľa',
  'admin.userForm.importLink': 'Importovať používateľov zo súboru CSV',
  'admin.userForm.editTitle': 'Upraviť: {name}',
  'admin.userForm.fromDirectory':
    'Používateľské meno, e-mail a číslo mobilného telefónu pochádzajú z adresára.',
  'admin.userForm.otpAdvice':
    'Odovzdajte ho používateľovi bezpečnou cestou: zobrazí sa len teraz a pri prvom prihlásení sa musí zmeniť.',
  'admin.userForm.deleteTitle': 'Odstrániť: {name}',
  'admin.userForm.deleteQuestion': 'Odstrániť používateľa {name} ({upn})?',
  'admin.userForm.deleteExplain':
    'Spolu s ním sa odstránia jeho metódy, heslá aplikácií, relácie a členstvá v skupinách. Túto akciu nie je možné vrátiť späť.',
  'admin.userForm.deleteExplainDirectory':
    'Spolu s ním sa odstránia jeho metódy, heslá aplikácií, relácie a členstvá v skupinách. Túto akciu nie je možné vrátiť späť; najbližšia synchronizácia adresára ho znova vytvorí, kým ho adresár obsahuje.',
  'admin.userForm.deleteConfirm': 'Odstrániť {upn}',

  'admin.upload.template': 'Stiahnuť šablónu',
  'admin.upload.file': 'Súbor CSV',
  'admin.upload.check': 'Skontrolovať súbor',
  'admin.upload.noFile': 'Vyberte súbor CSV, ktorý chcete nahrať.',
  'admin.upload.notUtf8':
    'Súbor nie je text v kódovaní UTF-8. Uložte ho ako „CSV UTF-8“ a skúste to znova.',
  'admin.upload.preview': 'Ukážka',
  'admin.upload.nothing': 'Nie je čo meniť.',
  'admin.upload.another': 'Nahrať iný súbor',
  'admin.upload.anotherShort': 'Iný súbor',
  'admin.upload.apply':
    '{n, plural, one {Použiť # zmenu} few {Použiť # zmeny} many {Použiť # zmeny} other {Použiť # zmien}}',
  'admin.upload.applySkipping':
    '{changeCount, plural, one {Použiť # zmenu} few {Použiť # zmeny} many {Použiť # zmeny} other {Použiť # zmien}} ({errorCount, plural, one {preskočiť # riadok s chybami} few {preskočiť # riadky s chybami} many {preskočiť # riadka s chybami} other {preskočiť # riadkov s chybami}})',
  'admin.upload.errorsSkipped':
    '{n, plural, one {s chybami, bude preskočený} few {s chybami, budú preskočené} many {s chybami, bude preskočených} other {s chybami, bude preskočených}}',
  'admin.upload.errorsNotApplied':
    '{n, plural, one {s chybami, nepoužitý} few {s chybami, nepoužité} many {s chybami, nepoužitých} other {s chybami, nepoužitých}}',
  'admin.upload.everyRow': 'Všetky riadky súboru, chybné ako prvé',
  'admin.upload.line': 'Riadok',
  'admin.upload.error': 'Chyba',
  'admin.upload.rowError': 'Chyba: {error}',
  'admin.upload.rowNoChange': 'Bez zmeny',
  'admin.upload.moreRows':
    '{n, plural, one {…a # ďalší riadok bez chýb.} few {…a # ďalšie riadky bez chýb.} many {…a # ďalšieho riadka bez chýb.} other {…a # ďalších riadkov bez chýb.}}',
  'admin.upload.applying': 'Použitie zmien',
  'admin.upload.checkingRows': 'Kontrola riadkov',
  'admin.upload.result': 'Výsledok',
  'admin.upload.notApplied': 'Nepoužité riadky',

  'admin.import.title': 'Importovať používateľov',
  'admin.import.intro':
    'Nahrajte súbor CSV, ktorého prvý riadok pomenúva stĺpce: {columns}. Povinný je len stĺpec {upn}; prázdne pole nič nemení; {email} je pri nových používateľoch predvolene používateľské meno; {mfa} má hodnotu Disabled, Enabled alebo Enforced. {template}.',
  'admin.import.how':
    'Noví používatelia sa vytvoria bez hesla a dostanú pozvánku e-mailom; existujúci používatelia sa aktualizujú tam, kde stĺpec obsahuje niečo nové. Každý riadok sa najprv skontroluje a nič sa nezmení, kým zmeny nepoužijete; pritom sa všetky bezchybné riadky zapíšu v jednej transakcii, nikdy nie riadok s chybou.',
  'admin.import.toCreate':
    '{n, plural, one {na vytvorenie} few {na vytvorenie} many {na vytvorenie} other {na vytvorenie}}',
  'admin.import.toUpdate':
    '{n, plural, one {na aktualizáciu} few {na aktualizáciu} many {na aktualizáciu} other {na aktualizáciu}}',
  'admin.import.created':
    '{n, plural, one {vytvorený} few {vytvorení} many {vytvorených} other {vytvorených}}',
  'admin.import.updated':
    '{n, plural, one {aktualizovaný} few {aktualizovaní} many {aktualizovaných} other {aktualizovaných}}',
  'admin.import.unchanged':
    '{n, plural, one {bez zmeny} few {bez zmeny} many {bez zmeny} other {bez zmeny}}',
  'admin.import.invited':
    '{n, plural, one {pozvaný e-mailom} few {pozvaní e-mailom} many {pozvaných e-mailom} other {pozvaných e-mailom}}',
  'admin.import.invite': 'Odoslať novým používateľom pozvánku e-mailom',
  'admin.import.rowCreate': 'Vytvoriť',
  'admin.import.rowUpdate': 'Aktualizovať: {changes}',
  'admin.import.writingUsers': 'Zápis používateľov',
  'admin.import.failed': 'Import zlyhal a nič sa nezmenilo.',

  'admin.bulk.intro':
    'Nahrajte súbor CSV vo formáte šablóny Microsoftu – riadok hlavičky {header} a potom jeden používateľ na riadok s hodnotou Disabled, Enabled alebo Enforced (UTF-8, s BOM aj bez neho). {template}.',
  'admin.bulk.how':
    'Každý riadok sa najprv skontroluje a nič sa nezmení, kým zmeny nepoužijete. Pritom sa všetky bezchybné riadky zapíšu v jednej transakcii – zmenia sa buď všetky, alebo žiadny – a nikdy nie riadok s chybou.',
  'admin.bulk.willChange':
    '{n, plural, one {sa zmení} few {sa zmenia} many {sa zmení} other {sa zmení}}',
  'admin.bulk.changed':
    '{n, plural, one {zmenený} few {zmenení} many {zmenených} other {zmenených}}',
  'admin.bulk.already':
    '{n, plural, one {už v tomto stave je} few {už v tomto stave sú} many {už v tomto stave je} other {už v tomto stave je}}',
  'admin.bulk.now': 'Teraz',
  'admin.bulk.new': 'Nový',
  'admin.bulk.rowChange': 'Zmeniť',
  'admin.bulk.writingChanges': 'Zápis zmien',
  'admin.bulk.failed': 'Aktualizácia zlyhala a nič sa nezmenilo.',

  'admin.groups.deleted': 'Skupina {name} bola odstránená.',
  'admin.groups.search': 'Hľadať podľa názvu',
  'admin.groups.none': 'Žiadne skupiny.',
  'admin.groups.caption': 'Skupiny zoradené podľa názvu',
  'admin.groups.members': 'Členovia',
  'admin.groups.roleAdmins': 'Správcovia',
  'admin.groups.source.local': 'miestna',
  'admin.groups.source.scim': 'SCIM',
  'admin.groups.source.directory': 'adresár',
  'admin.groups.new': 'Nová skupina',
  'admin.groups.description': 'Popis',
  'admin.groups.adminRole': 'Členovia sú správcovia',
  'admin.groups.create': 'Vytvoriť skupinu',
  'admin.group.added': 'Členovia boli pridaní.',
  'admin.group.removed': 'Člen bol odobratý.',
  'admin.group.stateSet':
    '{n, plural, one {Stav MFA členov bol nastavený (# zmenený).} few {Stav MFA členov bol nastavený (# zmenení).} many {Stav MFA členov bol nastavený (# zmenených).} other {Stav MFA členov bol nastavený (# zmenených).}}',
  'admin.group.stateSetSome': 'Stav MFA členov bol nastavený.',
  'admin.group.sourceDirectory': 'Adresár (názov a členovia sa spravujú tam)',
  'admin.group.sourceScim': 'Zriaďovanie (SCIM)',
  'admin.group.sourceLocal': 'Vytvorená tu',
  'admin.group.roleNone': 'Žiadna',
  'admin.group.addUsers':
    'Pridať používateľov (používateľské mená oddelené medzerami, čiarkami alebo novými riadkami)',
  'admin.group.add': 'Pridať',
  'admin.group.remove': 'Odobrať',
  'admin.group.moreMembers': 'Ďalší členovia',
  'admin.group.stateTitle': 'Stav MFA všetkých členov',
  'admin.group.setTo': 'Nastaviť na',
  'admin.group.delete': 'Odstrániť skupinu…',
  'admin.group.stateSummary':
    '{n, plural, one {Nastaviť stav MFA # člena skupiny {group} na {state}.} few {Nastaviť stav MFA # členov skupiny {group} na {state}.} many {Nastaviť stav MFA # člena skupiny {group} na {state}.} other {Nastaviť stav MFA # členov skupiny {group} na {state}.}}',
  'admin.group.stateExplain':
    'Členovia, ktorí už v tomto stave sú, sa nezmenia; používatelia, ktorí sa pridajú neskôr, sa nemenia.',
  'admin.group.stateConfirm': 'Nastaviť {state}',
  'admin.group.deleteQuestion': 'Odstrániť skupinu {group}?',
  'admin.group.deleteExplain':
    '{n, plural, =0 {Nemá žiadnych členov.} one {Jej # člen zostane používateľom.} few {Jej # členovia zostanú používateľmi.} many {Jej # člena zostane používateľmi.} other {Jej # členov zostane používateľmi.}}',
  'admin.group.deleteExplainAdmins':
    '{n, plural, =0 {Nemá žiadnych členov.} one {Jej # člen zostane používateľom, ale príde o rolu správcu, ktorú mu skupina dávala.} few {Jej # členovia zostanú používateľmi, ale prídu o rolu správcu, ktorú im skupina dávala.} many {Jej # člena zostane používateľmi, ale príde o rolu správcu, ktorú im skupina dávala.} other {Jej # členov zostane používateľmi, ale príde o rolu správcu, ktorú im skupina dávala.}}',
  'admin.group.deleteConfirm': 'Odstrániť {group}',

  'admin.settings.saved': 'Nastavenia boli uložené.',
  'admin.settings.notSaved': 'Neuložené: {reason}',
  'admin.settings.wholeNumber': '{field}: zadajte celé číslo.',
  // A user's Temporary Access Pass.
  'admin.pass.title': 'Dočasný prístupový kód',
  'admin.pass.none':
    'Žiadny kód. S kódom sa používateľ prihlási a zaregistruje metódy bez akejkoľvek inej metódy (prvý deň, stratený telefón).',
  'admin.pass.notForUser': 'Zásady metód tomuto používateľovi dočasné prístupové kódy nedávajú.',
  'admin.pass.active': 'Kód platí do {expires}.',
  'admin.pass.activeOnce': 'Jednorazový kód platí do {expires}.',
  'admin.pass.used': 'Jednorazový kód bol použitý: už neprihlási.',
  'admin.pass.expired': 'Platnosť kódu vypršala.',
  'admin.pass.revoke': 'Zrušiť kód',
  'admin.pass.lifetime': 'Platnosť',
  'admin.pass.oneTime': 'Len na jedno prihlásenie',
  'admin.pass.create': 'Vytvoriť kód',
  'admin.pass.replace': 'Vytvoriť nový kód (nahradí tento)',
  'admin.pass.createExplain':
    'S dočasným prístupovým kódom sa {name} prihlási a zaregistruje metódy overenia bez akejkoľvek inej metódy. Nahradí skorší kód a zobrazí sa len raz.',
  'admin.pass.createConfirm': 'Vytvoriť kód',
  'admin.pass.revokeExplain': 'Dočasný prístupový kód používateľa {name} už neprihlási.',
  'admin.pass.revokeConfirm': 'Zrušiť',
  'admin.pass.revoked': 'Kód bol zrušený.',
  'admin.pass.shownTitle': 'Dočasný prístupový kód pre {upn}',
  'admin.pass.shownAdvice':
    'Odovzdajte ho používateľovi sami (osobne alebo telefonicky): zobrazuje sa len teraz. Prihlasuje, kým nevyprší.',
  'admin.pass.shownAdviceOnce':
    'Odovzdajte ho používateľovi sami (osobne alebo telefonicky): zobrazuje sa len teraz a platí na jedno prihlásenie.',
  'admin.pass.minutes':
    '{n, plural, one {# minúta} few {# minúty} many {# minúty} other {# minút}}',
  'admin.pass.hours': '{n, plural, one {# hodina} few {# hodiny} many {# hodiny} other {# hodín}}',
  'admin.pass.days': '{n, plural, one {# deň} few {# dni} many {# dňa} other {# dní}}',
  // The authentication methods policy.
  'admin.settings.methodsMoved': 'Ktoré metódy kto smie používať, sa nastavuje v časti {link}.',
  'admin.methodsPolicy.intro':
    'Metódy overenia, ktoré ľudia smú registrovať a používať: každá pre všetkých používateľov alebo pre členov vybraných skupín, nikdy pre členov vylúčenej skupiny. Vypnutá metóda sa neponúka ani neprijíma.',
  'admin.methodsPolicy.caption': 'Metódy a kto ich smie používať',
  'admin.methodsPolicy.method': 'Metóda',
  'admin.methodsPolicy.state': 'Stav',
  'admin.methodsPolicy.target': 'Pre',
  'admin.methodsPolicy.excluded': 'Vylúčení',
  'admin.methodsPolicy.options': 'Možnosti',
  'admin.methodsPolicy.on': 'Zapnuté',
  'admin.methodsPolicy.off': 'Vypnuté',
  'admin.methodsPolicy.allUsers': 'Všetci používatelia',
  'admin.methodsPolicy.selected': 'Členovia týchto skupín',
  'admin.methodsPolicy.includeHelp':
    'Skupiny, jeden názov na riadok (keď nie pre všetkých používateľov)',
  'admin.methodsPolicy.excludeHelp': 'Nikdy pre členov týchto skupín (jeden názov na riadok)',
  'admin.methodsPolicy.enabled': 'Zapnúť: {method}',
  'admin.methodsPolicy.useForSignIn':
    'Ponúkať SMS na prihlásenie (vypnuté: číslo možno stále zaregistrovať, len na obnovenie)',
  'admin.methodsPolicy.smsSignIn': 'Na prihlásenie',
  'admin.methodsPolicy.smsRecovery': 'Len na obnovenie',
  'admin.methodsPolicy.phones': 'Hovory môžu zvoniť na',
  'admin.methodsPolicy.phone.mobile': 'Mobilný telefón',
  'admin.methodsPolicy.phone.alternateMobile': 'Alternatívny mobilný telefón',
  'admin.methodsPolicy.phone.office': 'Telefón do kancelárie',
  'admin.methodsPolicy.attestationRequired':
    'Vyžadovať overenie pôvodu: nový prístupový kľúč musí preukázať výrobcu a model certifikátom dôveryhodného výrobcu (korene v PORTCULLIS_PASSKEY_ATTESTATION_ROOTS). Už registrovaných kľúčov sa to netýka.',
  'admin.methodsPolicy.attested': 'vyžadované overenie pôvodu',
  'admin.methodsPolicy.aaguids':
    'Povolené modely autentifikátorov (AAGUID, jeden na riadok; prázdne: akýkoľvek model)',
  'admin.methodsPolicy.models':
    '{n, plural, one {# model autentifikátora} few {# modely autentifikátorov} many {# modelu autentifikátora} other {# modelov autentifikátorov}}',
  'admin.methodsPolicy.method.authenticator': 'Oznámenia v aplikácii (Portcullis Authenticator)',
  'admin.methodsPolicy.method.totp': 'Kódy z overovacej aplikácie (TOTP)',
  'admin.methodsPolicy.method.sms': 'SMS',
  'admin.methodsPolicy.method.voice': 'Hlasové hovory',
  'admin.methodsPolicy.method.passkey': 'Prístupové kľúče',
  'admin.methodsPolicy.method.recoveryCodes': 'Kódy na obnovenie',
  'admin.methodsPolicy.method.temporaryAccessPass': 'Dočasný prístupový kód',
  'admin.settings.systemPreferredMfa':
    'Najprv žiadať najsilnejšiu metódu, ktorú používateľ má (prístupový kľúč, oznámenie, kód z aplikácie, potom SMS alebo hovor), nie jeho predvolenú (systémom preferované MFA); inú si môže zvoliť',
  'admin.methodsPolicy.method.registrationCampaign': 'Registračná kampaň',
  'admin.methodsPolicy.campaignOptions': 'O čo sú používatelia požiadaní',
  'admin.methodsPolicy.campaign.methods':
    'Požiadať používateľov, ktorí sa prihlásia správou alebo hovorom, aby si nastavili',
  'admin.methodsPolicy.campaign.method.authenticator': 'Portcullis Authenticator',
  'admin.methodsPolicy.campaign.method.passkey': 'prístupový kľúč',
  'admin.methodsPolicy.campaign.snoozeDays': 'Dni, o ktoré „Teraz nie“ odloží otázku (0 až 14)',
  'admin.methodsPolicy.campaign.snoozeLimit':
    'Koľkokrát smie používateľ povedať „Teraz nie“ (1 až 10; 0: bez obmedzenia)',
  'admin.methodsPolicy.campaignSummary':
    '{methods}; znova otázka {days, plural, =0 {pri každom prihlásení} one {po # dni} few {po # dňoch} many {po # dňoch} other {po # dňoch}}; {limit, plural, =0 {„Teraz nie“ bez obmedzenia} one {„Teraz nie“ #-krát} few {„Teraz nie“ #-krát} many {„Teraz nie“ #-krát} other {„Teraz nie“ #-krát}}',
  'admin.methodsPolicy.phoneOnly':
    '{count, plural, =0 {Žiadny používateľ sa nespolieha len na správy a hovory.} one {# používateľ sa stále spolieha len na správy a hovory.} few {# používatelia sa stále spoliehajú len na správy a hovory.} many {# používateľov sa stále spolieha len na správy a hovory.} other {# používateľov sa stále spolieha len na správy a hovory.}}',
  'admin.methodsPolicy.passOptions': 'Kódy',
  'admin.methodsPolicy.pass.defaultLifetimeMinutes':
    'Platnosť kódu, ak správca nezvolí inú (minúty)',
  'admin.methodsPolicy.pass.maxLifetimeMinutes':
    'Najdlhšia platnosť (minúty; najviac 43200, 30 dní)',
  'admin.methodsPolicy.pass.defaultLength': 'Počet znakov kódu (8 až 48)',
  'admin.methodsPolicy.pass.oneTimeOnly': 'Každý kód platí len na jedno prihlásenie',
  'admin.methodsPolicy.passSummary':
    'predvolene {default} min, najviac {longest} min; {length} znakov',
  'admin.methodsPolicy.passSummaryOnce':
    'predvolene {default} min, najviac {longest} min; {length} znakov; každý na jedno prihlásenie',
  'admin.settings.methods': 'Možnosti overenia: metódy, ktoré môžu používatelia používať',
  'admin.settings.appPasswordsAllowed':
    'Povoliť používateľom vytvárať heslá aplikácií na prihlásenie do programov, ktoré nepodporujú MFA',
  'admin.settings.rememberDevices':
    'Zapamätať si viacfaktorové overovanie na dôveryhodných zariadeniach',
  'admin.settings.rememberDevicesEnabled':
    'Povoliť používateľom zapamätať si MFA na zariadeniach, ktorým dôverujú',
  'admin.settings.registration': 'Registrácia a heslá',
  'admin.settings.passwordChangeRevokesAppPasswords':
    'Keď si používatelia zmenia heslo, odstrániť aj ich heslá aplikácií',
  'admin.settings.mail': 'E-maily používateľom (ak majú adresu)',
  'admin.settings.mailOnMethodChange':
    'Keď sa do ich konta pridá metóda overenia alebo sa z neho odoberie',
  'admin.settings.mailOnAppPassword': 'Keď sa vytvorí heslo aplikácie',
  'admin.settings.mailOnPasswordChange': 'Keď sa zmení ich heslo',
  'admin.settings.passkeys': 'Prístupové kľúče',
  'admin.settings.adminPhishingResistant':
    'Správcovia potrebujú pre tento portál prihlásenie odolné voči phishingu (prístupový kľúč); slabšia relácia je oň požiadaná. Tokenov API a príkazového riadka na serveri sa to netýka.',
  'admin.settings.adminPhishingResistantFirst':
    'Najprv sa prihláste prístupovým kľúčom (otvorte portál v novom prihlásení a použite svoj kľúč), aby vás zapnutie nemohlo zablokovať.',
  'admin.settings.passwordlessSignin':
    'Umožniť prihlásenie len prístupovým kľúčom, bez hesla (PIN alebo biometria prístupového kľúča sa počíta ako druhý faktor)',
  'admin.settings.fatigue': 'Portcullis Authenticator (únava z MFA)',
  'admin.settings.namedLocations': 'Pomenované umiestnenia',
  'admin.settings.namedLocationsHelp':
    'Pomenované umiestnenia: jedno na riadok, rozsah a za ním názov, napr. 10.1.0.0/16 Kancelária Praha (Portcullis Authenticator zobrazí najkonkrétnejšie umiestnenie, ktoré obsahuje adresu požiadavky)',
  'admin.settings.trustedIps': 'Dôveryhodné IP adresy',
  'admin.settings.trustedIpsHelp':
    'Preskočiť MFA pri prihlásení v prehliadači z týchto rozsahov (jeden CIDR na riadok, IPv4 alebo IPv6, napr. 10.0.0.0/8 alebo 2001:db8::/32)',
  'admin.settings.fraud': 'Nahlásenie podozrivej aktivity',
  'admin.settings.fraudAlertEnabled':
    'Povoliť používateľom nahlásiť hovor, SMS alebo oznámenie, o ktoré nežiadali',
  'admin.settings.limits': 'Platnosť kódov a limity odosielania',
  'admin.settings.number.rememberDevicesDays':
    'Počet dní, počas ktorých zapamätané zariadenie preskakuje MFA (1–365)',
  'admin.settings.number.proofupGraceDays':
    'Počet dní, o ktoré môžu používatelia v stave Povolené odložiť registráciu metódy (0–90; 0: nikdy)',
  'admin.settings.number.pushFatigueLimit':
    'Pozastaviť oznámenia aplikácie po tomto počte zamietnutých alebo nezodpovedaných požiadaviek (1–20)',
  'admin.settings.number.pushFatigueMinutes': '… počas tohto počtu minút (1–1440)',
  'admin.settings.number.phoneCodeMinutes':
    'Počet minút, počas ktorých platí kód odoslaný v SMS (1–10)',
  'admin.settings.number.callTimeoutSeconds':
    'Počet sekúnd, počas ktorých overovací hovor čaká na # (10–300)',
  'admin.settings.number.sendLimitPerUser': 'SMS a hovory na používateľa za 15 minút',
  'admin.settings.number.sendLimitPerNumber': 'SMS a hovory na telefónne číslo za 15 minút',
  'admin.settings.number.sendLimitPerAddress': 'SMS a hovory na adresu klienta za 15 minút',

  'admin.logs.filter': 'Filtrovať',
  'admin.logs.export': 'Exportovať všetky zodpovedajúce záznamy do CSV',
  'admin.logs.newest': 'Najnovšie',
  'admin.logs.older': 'Staršie záznamy',
  'admin.logs.method': 'Metóda (napr. PhoneAppOTP, password, app password)',
  'admin.logs.application': 'ID aplikácie',
  'admin.logs.since': 'Od (napr. 2026-11-01)',
  'admin.logs.until': 'Do',
  'admin.audit.none': 'Žiadne udalosti.',
  'admin.audit.caption': 'Udalosti auditu od najnovších',
  'admin.audit.who': 'Kto',
  'admin.audit.from': 'Odkiaľ',
  'admin.audit.action': 'Akcia',
  'admin.audit.detail': 'Podrobnosti',
  'admin.audit.userFilter': 'Dotknutý používateľ',
  'admin.audit.actorFilter': 'Kto (používateľské meno správcu, „token NÁZOV“ alebo cli)',
  'admin.audit.actionFilter': 'Akcia (napr. mfa_state_set)',

  'admin.tokens.intro':
    'Tokeny rozhrania API na správu umožňujú skriptom používať rozhranie REST API ({openapi}) a príkazový riadok s parametrom {url}. Token sa zobrazí len raz; uchováva sa len jeho hash.',
  'admin.tokens.none': 'Žiadne tokeny.',
  'admin.tokens.scope': 'Rozsah',
  'admin.tokens.personalData': 'Osobné údaje',
  'admin.tokens.by': 'Kto',
  'admin.tokens.revoke': 'Odvolať…',
  'admin.tokens.create': 'Vytvoriť token',
  'admin.tokens.name': 'Názov (na čo slúži)',
  'admin.tokens.scopeRead': 'Len na čítanie: môže prezerať, ale nič nezmení',
  'admin.tokens.scopeReadWrite':
    'Čítanie a zápis: môže robiť všetko, čo rozhranie API na správu ponúka',
  'admin.tokens.scopeScim':
    'Zriaďovanie SCIM: len koncové body SCIM ({path}), pre poskytovateľa identity alebo personálny systém',
  'admin.tokens.personalDataRight': 'Môže vidieť osobné údaje (celé telefónne čísla)',
  'admin.tokens.createButton': 'Vytvoriť token',
  'admin.tokens.revoked': 'Token bol odvolaný.',
  'admin.tokens.chooseScope': 'Vyberte rozsah.',
  'admin.tokens.created': 'Token „{name}“ bol vytvorený',
  'admin.tokens.storeNow': 'Uložte si ho hneď: zobrazí sa len raz.',
  'admin.tokens.noSuch': 'Taký token neexistuje.',
  'admin.tokens.revokeExplain':
    'Skripty, ktoré používajú token „{name}“, okamžite prestanú fungovať.',
  'admin.tokens.revokeConfirm': 'Odvolať token',

  'admin.apps.front.verify': 'Overenie HTTP',
  'admin.apps.front.forwardAuth': 'Forward-auth',
  'admin.apps.front.ldap': 'LDAP',
  'admin.apps.front.radius': 'RADIUS',
  'admin.apps.kindLegacy': 'Staršia',
  'admin.apps.kindOidc': 'OpenID Connect',
  'admin.apps.kindMachine': 'OpenID Connect (strojový)',
  'admin.apps.deviceCode': 'Kód zariadenia na /device',
  'admin.apps.kindDevice': 'OpenID Connect (zariadenie)',
  'admin.apps.kindSaml': 'SAML 2.0',
  'admin.apps.samlEntity': 'ID entity',
  'admin.apps.radiusMode': 'Režim RADIUS',
  'admin.apps.radiusModeAppPassword':
    'Heslo aplikácie (alebo heslo účtu, kde to stav MFA používateľa dovolí)',
  'admin.apps.radiusModeMfa':
    'MFA: heslo účtu a potom druhý faktor (kód po výzve alebo schválenie v telefóne)',
  'admin.apps.radiusMfaSet': 'RADIUS s MFA',
  'admin.apps.radiusOldClients':
    'Prijímať aj požiadavky RADIUS bez Message-Authenticator (starí klienti, napr. pam_radius_auth 2.0; slabšie)',
  'admin.apps.radiusSaved': 'Nastavenia RADIUS aplikácie „{name}“ boli uložené.',
  'admin.apps.radiusTitle': 'Nastavenia RADIUS aplikácie {name}',
  'admin.apps.changeRadius': 'Nastavenia RADIUS',
  'admin.apps.radiusSecretSet': 'tajný kľúč RADIUS nastavený',
  'admin.apps.clientCredentials': 'Poverenia klienta',
  'admin.apps.afterSignout': 'Po odhlásení:',
  'admin.apps.none': 'Zatiaľ žiadne aplikácie.',
  'admin.apps.id': 'ID (ID klienta)',
  'admin.apps.kind': 'Druh',
  'admin.apps.uses': 'Rozhrania alebo identifikátory URI presmerovania',
  'admin.apps.strength': 'Sila',
  'admin.apps.firstParty': 'Vlastná',
  'admin.apps.changeUris': 'Zmeniť identifikátory URI presmerovania…',
  'admin.apps.newSecret': 'Nový tajný kľúč klienta…',
  'admin.apps.notAdded': 'Nepridané: {reason}',
  'admin.apps.notChanged': 'Nezmenené: {reason}',
  'admin.apps.redirectUris':
    'Identifikátory URI presmerovania, jeden na riadok (https; http len pre localhost)',
  'admin.apps.backchannelUri':
    'URI pre odhlásenie back-channel (nepovinné; dostane správu, keď relácia skončí: odhlásenie, blokovanie, nové heslo)',
  'admin.apps.postLogoutUrisNew':
    'Identifikátory URI presmerovania po odhlásení, jeden na riadok (voliteľné; kam môže odhlásenie z aplikácie ľudí vrátiť, rovnaké pravidlá)',
  'admin.apps.postLogoutUrisEdit':
    'Identifikátory URI presmerovania po odhlásení, jeden na riadok (kam môže odhlásenie z aplikácie ľudí vrátiť; prázdne, ak žiadne)',
  'admin.apps.strengthHelp':
    'Požadovaná sila overenia (slabšie prihlásenie je požiadané len o to, čo chýba)',
  'admin.apps.strength.none': 'Žiadna (rozhoduje stav MFA každého používateľa)',
  'admin.apps.strength.mfa': 'Viacfaktorové overovanie',
  'admin.apps.strength.passwordless': 'MFA bez hesla (prístupový kľúč)',
  'admin.apps.strength.phishing-resistant': 'MFA odolné voči phishingu (prístupový kľúč)',
  'admin.apps.firstPartyHelp': 'Vlastná: naša vlastná aplikácia, bez stránky so súhlasom',
  'admin.apps.idTokenAlg': 'ID tokeny podpísané pomocou',
  'admin.apps.idTokenAlgRs256': 'RS256 (rozumie mu každý klient)',
  'admin.apps.idTokenAlgEs256': 'ES256 (menší a rýchlejší; klient ho musí podporovať)',
  'admin.apps.machineHelp':
    'Strojový klient: poverenia klienta, žiadni používatelia a žiadne identifikátory URI presmerovania',
  'admin.apps.deviceHelp':
    'Klient zariadenia (nástroje príkazového riadka, televízory): používatelia sa prihlásia na /device kódom, ktorý zobrazí; verejný, bez tajného kľúča klienta a bez URI presmerovania',
  'admin.apps.addClient': 'Pridať klienta',
  'admin.apps.urisTitle': 'Identifikátory URI presmerovania aplikácie „{name}“',
  'admin.apps.fronts': 'Rozhrania, ktoré smie používať',
  'admin.apps.radiusSecret':
    '{max, plural, one {Zdieľaný tajný kľúč RADIUS (voliteľné, {min} až # znak; aplikácia je potom klientom RADIUS)} few {Zdieľaný tajný kľúč RADIUS (voliteľné, {min} až # znaky; aplikácia je potom klientom RADIUS)} many {Zdieľaný tajný kľúč RADIUS (voliteľné, {min} až # znaku; aplikácia je potom klientom RADIUS)} other {Zdieľaný tajný kľúč RADIUS (voliteľné, {min} až # znakov; aplikácia je potom klientom RADIUS)}}',
  'admin.apps.addLegacy': 'Pridať aplikáciu',
  'admin.apps.intro':
    'Staršie aplikácie (poštové servery, VPN, weby za proxy) sú na rozhraniach označené svojím ID; klienti OpenID Connect ho používajú ako ID klienta. Tajný kľúč klienta sa zobrazí len raz; uchováva sa len jeho zapečatená kópia.',
  'admin.apps.addOidcTitle': 'Pridať klienta OpenID Connect',
  'admin.apps.addLegacyTitle': 'Pridať staršiu aplikáciu',
  'admin.apps.noSuch': 'Taká aplikácia neexistuje (už bola odstránená?).',
  'admin.apps.deleted': 'Aplikácia bola odstránená.',
  'admin.apps.added': 'Aplikácia „{name}“ bola pridaná: jej ID aplikácie je {id}.',
  'admin.apps.urisSaved': 'Identifikátory URI presmerovania aplikácie „{name}“ boli uložené.',
  'admin.apps.noUris':
    'Identifikátory URI presmerovania má len webový klient (OpenID Connect, nie strojový klient).',
  'admin.apps.clientAdded': 'Klient „{name}“ bol pridaný',
  'admin.apps.clientAddedAdvice':
    'ID klienta: {id}. Uložte si tajný kľúč klienta hneď: zobrazí sa len raz.',
  'admin.apps.deleteOidc':
    'Odstrániť klienta OpenID Connect „{name}“ ({id}). Jeho udelené povolenia a tokeny sa odstránia a okamžite prestanú fungovať; aplikácia už nikoho neprihlási. Heslá aplikácií obmedzené len na ňu sa odstránia; ostatné ju len vyradia zo svojho zoznamu. Túto akciu nie je možné vrátiť späť.',
  'admin.apps.deleteLegacy':
    'Odstrániť aplikáciu „{name}“ ({id}). Jej rozhrania pre ňu okamžite prestanú prijímať prihlásenia. Heslá aplikácií obmedzené len na ňu sa odstránia; ostatné ju len vyradia zo svojho zoznamu. Túto akciu nie je možné vrátiť späť.',
  'admin.apps.deleteConfirm': 'Odstrániť aplikáciu',
  'admin.apps.newSecretExplain':
    'Prideliť aplikácii „{name}“ ({id}) nový tajný kľúč klienta. Súčasný tajný kľúč okamžite prestane fungovať: aplikácia potrebuje nový, aby získala tokeny. Tokeny, ktoré už má, platia až do vypršania.',
  'admin.apps.newSecretConfirm': 'Vytvoriť nový tajný kľúč',
  'admin.apps.newSecretTitle': 'Nový tajný kľúč klienta pre „{name}“',
  'admin.apps.newSecretAdvice': 'ID klienta: {id}. Uložte si tajný kľúč hneď: zobrazí sa len raz.',
  'admin.apps.serviceAccountSet': 'servisný účet LDAP',
  'admin.apps.onlyGroups': 'Len členovia skupín: {groups}',
  'admin.apps.noOne': 'Nikto (jej skupiny boli odstránené)',
  'admin.apps.access': 'Kto ju smie používať…',
  'admin.apps.accessTitle': 'Kto smie používať „{name}“',
  'admin.apps.accessAll': 'Všetci používatelia',
  'admin.apps.accessGroups':
    'Len členovia týchto skupín: na všetkých starších rozhraniach, a len ich vidí aj jej servisný účet LDAP',
  'admin.apps.accessGroupNames': 'Názvy skupín, jeden na riadok',
  'admin.apps.accessSaved': 'Uložené, kto smie používať „{name}“.',
  'admin.apps.newServiceAccount': 'Nový servisný účet LDAP…',
  'admin.apps.deleteServiceAccount': 'Odstrániť servisný účet LDAP…',
  'admin.apps.serviceAccountExplain':
    '„{name}“ ({id}) dostane nový servisný účet LDAP pre programy, ktoré používateľa pred prihlásením vyhľadávajú. Doterajší tajný kľúč hneď prestane platiť.',
  'admin.apps.serviceAccountConfirm': 'Vytvoriť servisný účet',
  'admin.apps.serviceAccountTitle': 'Servisný účet LDAP aplikácie „{name}“',
  'admin.apps.serviceAccountAdvice':
    'Bind DN: {dn}. Uložte si tajný kľúč (heslo pre bind) hneď: zobrazí sa len raz.',
  'admin.apps.deleteServiceAccountExplain':
    'Odstrániť servisný účet LDAP aplikácie „{name}“ ({id})? Programy, ktoré sa ním prihlasujú, prestanú nachádzať používateľov.',
  'admin.apps.deleteServiceAccountConfirm': 'Odstrániť servisný účet',
  'admin.apps.serviceAccountDeleted': 'Servisný účet LDAP aplikácie „{name}“ bol odstránený.',
  'admin.apps.ldapServiceAccountHelp':
    'Vytvoriť servisný účet LDAP (pre programy, ktoré používateľa pred prihlásením vyhľadávajú)',

  'admin.directory.notContacted': 'Tento uzol sa k adresáru zatiaľ nepripojil.',
  'admin.directory.up': 'dostupný',
  'admin.directory.down': 'nedostupný',
  'admin.directory.upSince': '{tag} od {since}',
  'admin.directory.downSince':
    '{tag} od {since}: {error}. Používatelia z adresára sa medzitým nemôžu prihlásiť; miestnych používateľov a hesiel aplikácií sa to netýka.',
  'admin.directory.notSynced':
    '{n, plural, one {Nesynchronizované (#)} few {Nesynchronizované (#)} many {Nesynchronizované (#)} other {Nesynchronizované (#)}}',
  'admin.directory.entry': 'Záznam',
  'admin.directory.why': 'Dôvod',
  'admin.directory.dryRunDone': 'Skúšobný beh: nič sa nezmenilo',
  'admin.directory.synced': 'Synchronizované',
  'admin.directory.report':
    '{entryCount, plural, one {# záznam} few {# záznamy} many {# záznamu} other {# záznamov}}: {createdCount, plural, one {# vytvorený} few {# vytvorené} many {# vytvorených} other {# vytvorených}}, {updatedCount, plural, one {# aktualizovaný} few {# aktualizované} many {# aktualizovaných} other {# aktualizovaných}}, {blockedCount, plural, one {# zablokovaný} few {# zablokované} many {# zablokovaných} other {# zablokovaných}}, {unblockedCount, plural, one {# odblokovaný} few {# odblokované} many {# odblokovaných} other {# odblokovaných}}, {deletedCount, plural, one {# odstránený} few {# odstránené} many {# odstránených} other {# odstránených}}, {unchangedCount, plural, one {# bez zmeny} few {# bez zmeny} many {# bez zmeny} other {# bez zmeny}}.',
  'admin.directory.wouldChange': 'Plánované zmeny',
  'admin.directory.changed': 'Vykonané zmeny',
  'admin.directory.changes': 'Zmeny',
  'admin.directory.action.create': 'vytvoriť',
  'admin.directory.action.adopt': 'prevziať',
  'admin.directory.action.update': 'aktualizovať',
  'admin.directory.action.block': 'zablokovať',
  'admin.directory.action.unblock': 'odblokovať',
  'admin.directory.action.delete': 'odstrániť',
  'admin.directory.works': 'Pripojenie funguje',
  'admin.directory.searched':
    '{n, plural, =0 {Prihlásené ako konto služby a v {base} vyhľadané {filter}: nenašiel sa žiadny záznam.} one {Prihlásené ako konto služby a v {base} vyhľadané {filter}: # záznam, načítaný takto:} few {Prihlásené ako konto služby a v {base} vyhľadané {filter}: # záznamy, načítané takto:} many {Prihlásené ako konto služby a v {base} vyhľadané {filter}: # záznamu, načítaného takto:} other {Prihlásené ako konto služby a v {base} vyhľadané {filter}: # záznamov, načítaných takto:}}',
  'admin.directory.mail': 'E-mail',
  'admin.directory.mobile': 'Mobil',
  'admin.directory.language': 'Jazyk',
  'admin.directory.disabled': 'Zakázané',
  'admin.directory.problem': 'Problém',
  'admin.directory.notConfigured':
    'Nie je nakonfigurovaný žiadny adresár: používatelia sú miestni. Ak chcete prevziať používateľov a ich heslá zo služby Active Directory alebo OpenLDAP, nastavte {url} a {base} (pozrite README, časť „Users from a directory“).',
  'admin.directory.connection': 'Pripojenie',
  'admin.directory.kind': 'Druh',
  'admin.directory.servers': 'Servery',
  'admin.directory.usersUnder': 'Používatelia pod',
  'admin.directory.serviceAccount': 'Konto služby',
  'admin.directory.anonymous': 'anonymne',
  'admin.directory.userCounts':
    '{directoryCount, plural, one {# z adresára} few {# z adresára} many {# z adresára} other {# z adresára}} ({blockedCount, plural, one {# z nich ním zablokovaný} few {# z nich ním zablokovaní} many {# z nich ním zablokovaných} other {# z nich ním zablokovaných}}), {localCount, plural, one {# miestny} few {# miestni} many {# miestneho} other {# miestnych}}',
  'admin.directory.lookUp': 'Používateľské meno na vyhľadanie (voliteľné)',
  'admin.directory.test': 'Otestovať pripojenie',
  'admin.directory.sync': 'Synchronizácia',
  'admin.directory.lastSync': 'Posledná synchronizácia',
  'admin.directory.lastRun':
    '({trigger}, {actor}): {status}, {createdCount, plural, one {# vytvorený} few {# vytvorené} many {# vytvorených} other {# vytvorených}}, {updatedCount, plural, one {# aktualizovaný} few {# aktualizované} many {# aktualizovaných} other {# aktualizovaných}}, {blockedCount, plural, one {# zablokovaný} few {# zablokované} many {# zablokovaných} other {# zablokovaných}}, {unblockedCount, plural, one {# odblokovaný} few {# odblokované} many {# odblokovaných} other {# odblokovaných}}, {deletedCount, plural, one {# odstránený} few {# odstránené} many {# odstránených} other {# odstránených}}',
  'admin.directory.lastRunFailed': '({trigger}, {actor}): {status} – {error}',
  'admin.directory.never': 'nikdy',
  'admin.directory.nextSync': 'Ďalšia synchronizácia',
  'admin.directory.syncOff': 'vypnutá (PORTCULLIS_DIRECTORY_SYNC_MINUTES=0)',
  'admin.directory.dryRun': 'Skúšobný beh (len zobraziť, čo by sa zmenilo)',
  'admin.directory.syncNow': 'Synchronizovať teraz',
  'admin.directory.recent': 'Nedávne synchronizácie',
  'admin.directory.started': 'Spustené',
  'admin.directory.colCreated': 'Vytvorené',
  'admin.directory.colUpdated': 'Aktualizované',
  'admin.directory.colBlocked': 'Zablokované',
  'admin.directory.colNotSynced': 'Nesynchronizované',
  'admin.directory.status.running': 'prebieha',
  'admin.directory.status.succeeded': 'úspešná',
  'admin.directory.status.partial': 'čiastočná',
  'admin.directory.status.failed': 'neúspešná',
  'admin.directory.trigger.schedule': 'plán',
  'admin.directory.trigger.cli': 'príkazový riadok',
  'admin.directory.trigger.portal': 'portál',
  'admin.directory.trigger.api': 'API',
  'admin.branding.link': 'Branding: názov, logo a pomoc vašej organizácie',
  'admin.branding.title': 'Branding',
  'admin.branding.back': 'Späť na nastavenia služby',
  'admin.branding.intro':
    'Názov, logo a pomoc vašej organizácie sa zobrazujú na každej prihlasovacej stránke, v SMS správach, hovoroch a e-mailoch a ako názov konta v overovacích aplikáciách.',
  'admin.branding.name': 'Názov organizácie',
  'admin.branding.nameHint':
    'Ak pole zostane prázdne, stránky a správy uvádzajú Portcullis. Overovacie aplikácie zobrazujú názov platný v čase pridania metódy.',
  'admin.branding.helpText': 'Text pomoci (napríklad komu volať pri strate telefónu)',
  'admin.branding.helpUrl': 'Odkaz na pomoc (https://, http://, mailto: alebo tel:)',
  'admin.branding.logo': 'Logo',
  'admin.branding.currentLogo': 'Aktuálne logo',
  'admin.branding.noLogo': 'Žiadne logo.',
  'admin.branding.logoFile': 'Obrázok PNG, JPEG, GIF alebo WebP s veľkosťou najviac 256 KiB',
  'admin.branding.removeLogo': 'Odstrániť logo',
  'admin.branding.badLogo':
    'Logo musí byť obrázok PNG, JPEG, GIF alebo WebP s veľkosťou najviac 256 KiB.',
  'admin.auditAction.api_token_created': 'Token API vytvorený',
  'admin.auditAction.api_token_revoked': 'Token API odvolaný',
  'admin.auditAction.app_password_created': 'Heslo aplikácie vytvorené',
  'admin.auditAction.app_password_deleted': 'Heslo aplikácie odstránené',
  'admin.auditAction.application_changed': 'Aplikácia zmenená',
  'admin.auditAction.application_created': 'Aplikácia vytvorená',
  'admin.auditAction.application_deleted': 'Aplikácia odstránená',
  'admin.auditAction.application_secret_changed': 'Aplikácii pridelený nový tajný kľúč',
  'admin.auditAction.application_service_account_set': 'Servisný účet LDAP vytvorený',
  'admin.auditAction.application_service_account_deleted': 'Servisný účet LDAP odstránený',
  'admin.auditAction.default_method_set': 'Predvolená metóda nastavená',
  'admin.auditAction.fraud_reported': 'Nahlásená podozrivá aktivita',
  'admin.auditAction.group_created': 'Skupina vytvorená',
  'admin.auditAction.group_deleted': 'Skupina odstránená',
  'admin.auditAction.group_updated': 'Skupina zmenená',
  'admin.auditAction.invitation_accepted': 'Pozvánka prijatá',
  'admin.auditAction.method_added': 'Metóda pridaná',
  'admin.auditAction.method_deleted': 'Metóda odstránená',
  'admin.auditAction.mfa_state_set': 'Stav MFA nastavený',
  'admin.auditAction.passkey_flagged': 'Prístupový kľúč označený ako podozrivý',
  'admin.auditAction.password_changed': 'Heslo zmenené',
  'admin.auditAction.password_reset': 'Heslo resetované',
  'admin.auditAction.password_set': 'Heslo nastavené',
  'admin.auditAction.settings_changed': 'Nastavenia služby zmenené',
  'admin.auditAction.tap_created': 'Dočasný prístupový kód vytvorený',
  'admin.auditAction.tap_revoked': 'Dočasný prístupový kód zrušený',
  'admin.auditAction.tap_used': 'Prihlásenie dočasným prístupovým kódom',
  'admin.auditAction.tap_expired': 'Dočasnému prístupovému kódu vypršala platnosť',
  'admin.auditAction.methods_policy_changed': 'Politika metód overovania zmenená',
  'admin.auditAction.signing_keys_rotated': 'Podpisové kľúče vymenené',
  'admin.auditAction.saml_signing_key_rotated': 'Podpisový kľúč SAML vymenený',
  'admin.auditAction.user_created': 'Používateľ vytvorený',
  'admin.auditAction.user_deleted': 'Používateľ odstránený',
  'admin.auditAction.user_invited': 'Používateľ pozvaný',
  'admin.auditAction.user_updated': 'Používateľ zmenený',
  'admin.auditKey.name': 'Názov',
  'admin.auditKey.scope': 'Rozsah',
  'admin.auditKey.scopes': 'Aplikácie',
  'admin.auditKey.rights': 'Práva',
  'admin.auditKey.expiresAt': 'Platnosť do',
  'admin.auditKey.reason': 'Dôvod',
  'admin.auditKey.application': 'Aplikácia',
  'admin.auditKey.via': 'Prostredníctvom',
  'admin.auditKey.blocked': 'Zablokované',
  'admin.auditKey.by': 'Kto',
  'admin.auditKey.methodType': 'Metóda',
  'admin.auditKey.methodTypes': 'Metódy',
  'admin.auditKey.during': 'Počas',
  'admin.auditKey.field': 'Pole',
  'admin.auditKey.fields': 'Polia',
  'admin.auditKey.from': 'Pôvodne',
  'admin.auditKey.to': 'Novo',
  'admin.auditKey.removed': 'Odstránené',
  'admin.auditKey.fronts': 'Rozhrania',
  'admin.auditKey.after': 'Po',
  'admin.auditKey.state': 'Stav',
  'admin.auditKey.mfaState': 'Stav MFA',
  'admin.auditKey.isAdmin': 'Správca',
  'admin.settings.highRiskAction': 'Nahlásenie zvýši riziko používateľa na vysoké, a potom',
  'admin.settings.highRisk.block': 'je prihlásenie blokované, kým správca riziko nezamietne',
  'admin.settings.highRisk.changePassword':
    'si používateľ pri ďalšom prihlásení po MFA zmení heslo (používatelia z adresára sú namiesto toho blokovaní)',
  'admin.settings.highRisk.reregister':
    'sú metódy používateľa odstránené a musí ich zaregistrovať znova',
  'admin.settings.highRisk.none': 'nič ďalšie (riziko sa len zaznamená)',
  'admin.user.risk': 'Riziko',
  'admin.user.riskHigh': 'Vysoké: používateľ nahlásil podozrivú aktivitu',
  'admin.user.riskRemediated': 'Žiadne: napravené zmenou hesla',
  'admin.user.riskDismissed': 'Žiadne: zamietnuté správcom',
  'admin.user.dismissRisk': 'Zamietnuť riziko…',
  'admin.user.dismissRiskExplain':
    '{name} nahlásil(a) hovor, SMS alebo oznámenie, o ktoré nežiadal(a). Riziko zamietnite, keď nahlásenie preveríte: bude opäť žiadne a blokovanie, ktoré nahlásenie nastavilo, sa zruší.',
  'admin.user.dismissRiskConfirm': 'Zamietnuť riziko',
  'admin.user.done.riskDismissed': 'Riziko bolo zamietnuté.',
  'admin.users.risk': 'Riziko',
  'admin.users.riskHigh': 'Vysoké',
  'admin.users.tagHighRisk': 'vysoké riziko',
  'admin.auditAction.risk_dismissed': 'Riziko zamietnuté',
  'admin.auditKey.riskLevel': 'Riziko',
  'admin.auditKey.action': 'Akcia',
  'admin.auditKey.unblocked': 'Odblokované',
  'admin.pass.pending': 'Kód začne platiť {starts} a platí do {expires}.',
  'admin.nav.reports': 'Zostavy',
  'admin.reports.title': 'Používanie a registrácia',
  'admin.reports.registration': 'Registrácia',
  'admin.reports.users': 'Používatelia, ktorí sa smú prihlásiť',
  'admin.reports.capable': 'Schopní MFA (metóda, ktorá stačí sama)',
  'admin.reports.withoutMethod': 'Bez akejkoľvek metódy',
  'admin.reports.phoneOnly': 'Len SMS a hovory',
  'admin.reports.methods': 'Registrované metódy podľa používateľov, ktorí ich majú',
  'admin.reports.usersWith': 'Používatelia',
  'admin.reports.list': 'Používatelia podľa registrácie',
  'admin.reports.show': 'Zobraziť',
  'admin.reports.filter.all': 'Všetci používatelia, ktorí sa smú prihlásiť',
  'admin.reports.filter.capable': 'Schopní MFA',
  'admin.reports.filter.notCapable': 'Neschopní MFA',
  'admin.reports.filter.noMethod': 'Bez akejkoľvek metódy',
  'admin.reports.filter.phoneOnly': 'Len SMS a hovory',
  'admin.reports.export': 'Exportovať ako CSV',
  'admin.reports.capableColumn': 'Schopný MFA',
  'admin.reports.methodsColumn': 'Metódy',
  'admin.reports.noUsers': 'Žiadny používateľ nezodpovedá.',
  'admin.reports.signins': 'Prihlásenia',
  'admin.reports.period': 'Obdobie',
  'admin.reports.lastDays':
    '{n, plural, one {Posledný deň} few {Posledné # dni} many {Posledných # dňa} other {Posledných # dní}}',
  'admin.reports.noSignins': 'V tomto období nebolo žiadne prihlásenie.',
  'admin.reports.byResult':
    '{n, plural, one {Dnešné prihlásenia podľa výsledku (UTC)} few {Prihlásenia za deň za posledné # dni podľa výsledku (UTC)} many {Prihlásenia za deň za posledných # dňa podľa výsledku (UTC)} other {Prihlásenia za deň za posledných # dní podľa výsledku (UTC)}}',
  'admin.reports.byMethod':
    '{n, plural, one {Dnešné prihlásenia podľa metódy (UTC)} few {Prihlásenia za deň za posledné # dni podľa metódy (UTC)} many {Prihlásenia za deň za posledných # dňa podľa metódy (UTC)} other {Prihlásenia za deň za posledných # dní podľa metódy (UTC)}}',
  'admin.reports.figures': 'Čísla deň po dni',
  'admin.reports.date': 'Dátum (UTC)',
  'admin.reports.total': 'Spolu',
  'admin.reports.tip': '{date} · {label}: {value}',
  'admin.reports.passwordOnly': 'Len heslo, alebo žiadna',
  'admin.reports.password': 'Heslo',
} satisfies Record<keyof typeof en, string>;
