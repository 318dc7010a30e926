import type en from './en.ts';

// German (de): the admin portal. Keys and {placeholders} exactly as in en.ts;
// Microsoft's German for Entra (Kennwort, blockieren, Überwachungsprotokoll).
export default {
  'admin.layout.title': '{title} · Portcullis-Verwaltung',
  'admin.layout.brand': 'Portcullis-Verwaltung',
  'admin.layout.skip': 'Zum Inhalt springen',
  'admin.layout.nav': 'Verwaltung',
  'admin.layout.signOut': 'Abmelden',
  'admin.nav.users': 'Benutzer',
  'admin.nav.groups': 'Gruppen',
  'admin.nav.bulk': 'Massenaktualisierung',
  'admin.nav.settings': 'Diensteinstellungen',
  'admin.nav.methodsPolicy': 'Authentifizierungsmethoden',
  'admin.nav.signins': 'Anmeldungen',
  'admin.nav.audit': 'Überwachungsprotokoll',
  'admin.nav.tokens': 'API-Token',
  'admin.nav.apps': 'Anwendungen',
  'admin.nav.directory': 'Verzeichnis',
  'admin.needsPasskey':
    'Das Verwaltungsportal erfordert eine Anmeldung mit einem Passkey: Öffnen Sie es erneut, um sich damit anzumelden.',
  'admin.noPasskey':
    'Das Verwaltungsportal erfordert eine Anmeldung mit einem Passkey, und Sie können keinen verwenden oder registrieren. Wenden Sie sich an einen anderen Administrator oder schalten Sie die Anforderung auf dem Server aus (portcullis settings set adminPhishingResistant off).',
  'admin.forbidden': 'Das Verwaltungsportal ist Administratoren vorbehalten.',
  'admin.confirm.title': 'Bitte bestätigen',

  'admin.common.cancel': 'Abbrechen',
  'admin.common.copy': 'Kopieren',
  'admin.common.save': 'Speichern',
  'admin.common.saved': 'Gespeichert.',
  'admin.common.search': 'Suchen',
  'admin.common.change': 'Ändern…',
  'admin.common.continue': 'Weiter…',
  'admin.common.deleteAsk': 'Löschen…',
  'admin.common.yes': 'Ja',
  'admin.common.no': 'Nein',
  'admin.common.any': 'Alle',
  'admin.common.name': 'Name',
  'admin.common.displayName': 'Anzeigename',
  'admin.common.userName': 'Benutzername',
  'admin.common.user': 'Benutzer',
  'admin.common.mfaState': 'MFA-Status',
  'admin.common.method': 'Methode',
  'admin.common.source': 'Quelle',
  'admin.common.role': 'Rolle',
  'admin.common.created': 'Erstellt',
  'admin.common.lastUsed': 'Zuletzt verwendet',
  'admin.common.lastSignin': 'Letzte Anmeldung',
  'admin.common.time': 'Zeitpunkt',
  'admin.common.result': 'Ergebnis',
  'admin.common.actions': 'Aktionen',
  'admin.common.appPasswords': 'App-Kennwörter',
  'admin.common.pages': 'Seiten',
  'admin.common.firstPage': 'Erste Seite',
  'admin.common.nextPage': 'Nächste Seite',
  'admin.common.backToUsers': 'Zurück zu den Benutzern',

  'admin.users.new': 'Neuer Benutzer',
  'admin.users.import': 'Aus CSV importieren',
  'admin.users.exportThese': 'Diese Benutzer als CSV exportieren',
  'admin.users.exportAll': 'Alle Benutzer als CSV exportieren',
  'admin.users.search': 'Nach Name oder Benutzername suchen',
  'admin.users.perPage': 'Pro Seite',
  'admin.users.noMatch': 'Keine passenden Benutzer.',
  'admin.users.caption': 'Benutzer, nach Benutzername sortiert',
  'admin.users.captionContinued': 'Benutzer (Fortsetzung), nach Benutzername sortiert',
  'admin.users.selectPage': 'Alle Benutzer auf dieser Seite auswählen',
  'admin.users.select': '{name} ({upn}) auswählen',
  'admin.users.defaultMethod': 'Standardmethode',
  'admin.users.tagAdmin': 'Admin',
  'admin.users.tagDirectory': 'Verzeichnis',
  'admin.users.tagBlocked': 'blockiert',
  'admin.users.scopeAllPages':
    'Nicht nur die ausgewählten: alle Benutzer, die dieser Suche entsprechen (auf allen Seiten)',
  'admin.users.scopeAllUsers':
    'Nicht nur die ausgewählten: alle Benutzer, die dieser Suche entsprechen (alle Benutzer)',
  'admin.users.withSelected': 'Mit den ausgewählten Benutzern',
  'admin.users.deleted': '{upn} wurde gelöscht.',
  'admin.users.doneSome': 'Erledigt.',
  'admin.users.chooseAction': 'Wählen Sie eine der Aktionen aus.',
  'admin.users.selectFirst': 'Wählen Sie zuerst mindestens einen Benutzer aus.',
  'admin.users.tooManyMatch':
    '{max, plural, one {Mehr als # Benutzer entspricht der Suche: Grenzen Sie die Suche ein, oder verwenden Sie eine Datei für die Massenaktualisierung.} other {Mehr als # Benutzer entsprechen der Suche: Grenzen Sie die Suche ein, oder verwenden Sie eine Datei für die Massenaktualisierung.}}',
  'admin.users.nameNow': '{name} ({upn}) – derzeit {state}',
  'admin.users.andMore': '{n, plural, one {…und # weiterer} other {…und # weitere}}',
  'admin.users.includesAdmins':
    'Darunter sind Administratoren ({admins}): Auch ihr Kennwort funktioniert dann in Clients außerhalb des Browsers nicht mehr.',
  'admin.users.already':
    '{n, plural, one {# davon hat diesen Status bereits und bleibt unverändert.} other {# davon haben diesen Status bereits und bleiben unverändert.}}',

  'admin.users.action.Enabled.button': 'Aktivieren',
  'admin.users.action.Enabled.title': 'MFA aktivieren',
  'admin.users.action.Enabled.summary':
    '{n, plural, one {MFA für # Benutzer aktivieren.} other {MFA für # Benutzer aktivieren.}}',
  'admin.users.action.Enabled.confirm':
    '{n, plural, one {MFA für # Benutzer aktivieren} other {MFA für # Benutzer aktivieren}}',
  'admin.users.action.Enabled.done':
    '{n, plural, one {Erledigt: MFA für # Benutzer aktiviert.} other {Erledigt: MFA für # Benutzer aktiviert.}}',
  'admin.users.action.Enabled.explain':
    'Sie werden bei der nächsten Anmeldung im Browser aufgefordert, eine Überprüfungsmethode zu registrieren, und erhalten danach den Status „Erzwungen“. Bis dahin funktioniert ihr Kennwort in anderen Programmen weiter.',
  'admin.users.action.Enforced.button': 'Erzwingen',
  'admin.users.action.Enforced.title': 'MFA erzwingen',
  'admin.users.action.Enforced.summary':
    '{n, plural, one {MFA für # Benutzer erzwingen.} other {MFA für # Benutzer erzwingen.}}',
  'admin.users.action.Enforced.confirm':
    '{n, plural, one {MFA für # Benutzer erzwingen} other {MFA für # Benutzer erzwingen}}',
  'admin.users.action.Enforced.done':
    '{n, plural, one {Erledigt: MFA für # Benutzer erzwungen.} other {Erledigt: MFA für # Benutzer erzwungen.}}',
  'admin.users.action.Enforced.explain':
    'Sie müssen im Browser die mehrstufige Authentifizierung verwenden, und ihr Kennwort funktioniert nicht mehr in Programmen, die keine MFA unterstützen (E-Mail-Apps, ältere Office-Versionen, Skripts): Dafür sind App-Kennwörter nötig. Benutzer, die noch keine Methode registriert haben, holen das bei der nächsten Anmeldung nach.',
  'admin.users.action.Disabled.button': 'Deaktivieren',
  'admin.users.action.Disabled.title': 'MFA deaktivieren',
  'admin.users.action.Disabled.summary':
    '{n, plural, one {MFA für # Benutzer deaktivieren.} other {MFA für # Benutzer deaktivieren.}}',
  'admin.users.action.Disabled.confirm':
    '{n, plural, one {MFA für # Benutzer deaktivieren} other {MFA für # Benutzer deaktivieren}}',
  'admin.users.action.Disabled.done':
    '{n, plural, one {Erledigt: MFA für # Benutzer deaktiviert.} other {Erledigt: MFA für # Benutzer deaktiviert.}}',
  'admin.users.action.Disabled.explain':
    'Sie werden nicht mehr nach einem zweiten Faktor gefragt, und ihr Kennwort funktioniert wieder in allen Programmen. Ihre registrierten Methoden bleiben erhalten.',
  'admin.users.action.reset-methods.button': 'Erneute Registrierung der Methoden anfordern',
  'admin.users.action.reset-methods.title': 'Erneute Registrierung der Methoden anfordern',
  'admin.users.action.reset-methods.summary':
    '{n, plural, one {Von # Benutzer die erneute Registrierung der Methoden anfordern.} other {Von # Benutzern die erneute Registrierung der Methoden anfordern.}}',
  'admin.users.action.reset-methods.confirm':
    '{n, plural, one {Erneute Registrierung für # Benutzer anfordern} other {Erneute Registrierung für # Benutzer anfordern}}',
  'admin.users.action.reset-methods.done':
    '{n, plural, one {Erledigt: # Benutzer registriert seine Methoden bei der nächsten Anmeldung erneut.} other {Erledigt: # Benutzer registrieren ihre Methoden bei der nächsten Anmeldung erneut.}}',
  'admin.users.action.reset-methods.explain':
    'Ihre registrierten Überprüfungsmethoden werden entfernt; Benutzer, deren Status MFA verlangt, registrieren sich bei der nächsten Anmeldung erneut.',
  'admin.users.action.delete-app-passwords.button': 'Alle App-Kennwörter löschen',
  'admin.users.action.delete-app-passwords.title': 'Alle App-Kennwörter löschen',
  'admin.users.action.delete-app-passwords.summary':
    '{n, plural, one {Alle App-Kennwörter von # Benutzer löschen.} other {Alle App-Kennwörter von # Benutzern löschen.}}',
  'admin.users.action.delete-app-passwords.confirm':
    '{n, plural, one {App-Kennwörter von # Benutzer löschen} other {App-Kennwörter von # Benutzern löschen}}',
  'admin.users.action.delete-app-passwords.done':
    '{n, plural, one {Erledigt: Alle App-Kennwörter von # Benutzer wurden gelöscht.} other {Erledigt: Alle App-Kennwörter von # Benutzern wurden gelöscht.}}',
  'admin.users.action.delete-app-passwords.explain':
    'Alle von ihnen erstellten App-Kennwörter werden sofort gelöscht; Programme, die sie verwenden, können sich erst wieder anmelden, wenn neue erstellt wurden.',
  'admin.users.action.restore-remembered-devices.button':
    'MFA auf gespeicherten Geräten wiederherstellen',
  'admin.users.action.restore-remembered-devices.title':
    'MFA auf gespeicherten Geräten wiederherstellen',
  'admin.users.action.restore-remembered-devices.summary':
    '{n, plural, one {MFA auf den gespeicherten Geräten von # Benutzer wiederherstellen.} other {MFA auf den gespeicherten Geräten von # Benutzern wiederherstellen.}}',
  'admin.users.action.restore-remembered-devices.confirm':
    '{n, plural, one {MFA für # Benutzer wiederherstellen} other {MFA für # Benutzer wiederherstellen}}',
  'admin.users.action.restore-remembered-devices.done':
    '{n, plural, one {Erledigt: # Benutzer muss MFA wieder auf jedem Gerät verwenden.} other {Erledigt: # Benutzer müssen MFA wieder auf jedem Gerät verwenden.}}',
  'admin.users.action.restore-remembered-devices.explain':
    'Jedes Gerät, auf dem sie MFA überspringen wollten, fragt bei der nächsten Anmeldung wieder danach.',
  'admin.users.action.unlock-signin.button': 'Anmeldung entsperren',
  'admin.users.action.unlock-signin.title': 'Anmeldung entsperren',
  'admin.users.action.unlock-signin.summary':
    '{n, plural, one {Anmeldung für # Benutzer entsperren.} other {Anmeldung für # Benutzer entsperren.}}',
  'admin.users.action.unlock-signin.confirm':
    '{n, plural, one {Anmeldung für # Benutzer entsperren} other {Anmeldung für # Benutzer entsperren}}',
  'admin.users.action.unlock-signin.done':
    '{n, plural, one {Erledigt: # Benutzer kann sich wieder anmelden.} other {Erledigt: # Benutzer können sich wieder anmelden.}}',
  'admin.users.action.unlock-signin.explain':
    'Die Zähler für falsche Kennwörter und Codes beginnen von vorn, im Browser und an den Legacy-Schnittstellen – einschließlich einer Sperre nach 100 Fehlversuchen in Folge, die sich durch Warten nicht aufhebt.',

  'admin.user.done.state': 'Der MFA-Status ist jetzt „{state}“.',
  'admin.user.done.blocked': 'Die Anmeldung ist blockiert; offene Sitzungen wurden beendet.',
  'admin.user.done.unblocked': 'Die Anmeldung ist wieder zulässig.',
  'admin.user.done.default': 'Die Standardmethode wurde geändert.',
  'admin.user.done.methodDeleted': 'Die Methode wurde gelöscht.',
  'admin.user.done.resetMethods':
    'Methoden entfernt: Der Benutzer registriert sich bei der nächsten Anmeldung erneut.',
  'admin.user.done.deleteAppPasswords': 'Alle App-Kennwörter wurden gelöscht.',
  'admin.user.done.restoreRememberedDevices': 'Gespeicherte Geräte fragen wieder nach MFA.',
  'admin.user.done.unlockSignin':
    'Die Anmeldung ist entsperrt: Fehlversuche werden von vorn gezählt.',
  'admin.user.done.invited': 'Eine Einladung wurde an {email} gesendet.',
  'admin.user.done.invitedUser': 'Eine Einladung wurde an den Benutzer gesendet.',
  'admin.user.locked':
    'Zu viele falsche Kennwörter oder Codes: Dieser Benutzer muss warten oder ist gesperrt (nach 100 Fehlversuchen in Folge). Wählen Sie unten {unlock}, wenn es der Benutzer selbst war.',
  'admin.user.details': 'Details',
  'admin.user.email': 'E-Mail',
  'admin.user.mobile': 'Mobiltelefon',
  'admin.user.adminGroup': '{name} (Administratoren)',
  'admin.user.sourceDirectory':
    'Verzeichnis: {dn} (Kennwort, Name und Gruppen werden dort verwaltet)',
  'admin.user.sourceLocal': 'Lokal (Portcullis speichert das Kennwort)',
  'admin.user.roleAdmin': 'Administrator',
  'admin.user.roleUser': 'Benutzer',
  'admin.user.signin': 'Anmeldung',
  'admin.user.blockedByDirectory':
    'Blockiert: Das Verzeichnis hat das Konto deaktiviert oder führt es nicht mehr',
  'admin.user.blocked': 'Blockiert',
  'admin.user.allowed': 'Zulässig',
  'admin.user.fraudReported': 'Verdächtige Aktivität gemeldet',
  'admin.user.password': 'Kennwort',
  'admin.user.passwordOneTime': 'Einmalkennwort: muss bei der nächsten Anmeldung geändert werden',
  'admin.user.passwordNone': 'Noch keines',
  'admin.user.passwordInvited':
    'Noch keines (eingeladen: Der Benutzer legt es über den Link in der E-Mail fest)',
  'admin.user.edit': 'Bearbeiten',
  'admin.user.setState': 'MFA-Status festlegen',
  'admin.user.block': 'Anmeldung blockieren…',
  'admin.user.unblock': 'Blockierung der Anmeldung aufheben…',
  'admin.user.resetPassword': 'Kennwort zurücksetzen…',
  'admin.user.inviteNewPassword': 'Einladung senden (zum Festlegen eines neuen Kennworts)',
  'admin.user.inviteAgain': 'Einladung erneut senden',
  'admin.user.delete': 'Benutzer löschen…',
  'admin.user.methods': 'Überprüfungsmethoden',
  'admin.user.noMethods': 'Keine Methode registriert.',
  'admin.user.methodsCaption': 'Registrierte Methoden',
  'admin.user.default': 'Standard',
  'admin.user.phone': 'Telefon',
  'admin.user.added': 'Hinzugefügt',
  'admin.user.makeDefault': 'Als Standard festlegen',
  'admin.user.noAppPasswords': 'Keine App-Kennwörter.',
  'admin.user.usedFrom': 'Von',
  'admin.user.devices': 'Gespeicherte Geräte',
  'admin.user.deviceCount':
    '{n, plural, =0 {Kein Gerät überspringt MFA für diesen Benutzer.} one {# Gerät überspringt derzeit MFA.} other {# Geräte überspringen derzeit MFA.}}',
  'admin.user.manage': 'Benutzereinstellungen verwalten',
  'admin.user.manageLegend': 'Wählen Sie eine Aktion aus',
  'admin.user.manage.resetMethods': 'Anfordern, dass der Benutzer erneut Kontaktmethoden angibt',
  'admin.user.manage.deleteAppPasswords':
    'Alle vorhandenen App-Kennwörter löschen, die der Benutzer generiert hat',
  'admin.user.manage.restoreRememberedDevices':
    'Mehrstufige Authentifizierung auf allen gespeicherten Geräten wiederherstellen',
  'admin.user.manage.unlockSignin': 'Anmeldung nach zu vielen Fehlversuchen entsperren',
  'admin.user.chooseWhat': 'Wählen Sie eine Aktion aus.',
  'admin.user.recentSignins': 'Letzte Anmeldungen',
  'admin.user.allSignins': 'Alle Anmeldungen dieses Benutzers',
  'admin.user.auditEvents': 'Überwachungsereignisse',
  'admin.user.setStateConfirm': 'MFA-Status auf „{state}“ setzen',
  'admin.user.blockExplain':
    '{name} kann sich dann nirgends mehr anmelden (Browser, App-Kennwörter, LDAP, RADIUS), bis die Blockierung aufgehoben wird; offene Sitzungen werden sofort beendet.',
  'admin.user.blockConfirm': 'Anmeldung blockieren',
  'admin.user.unblockExplain': '{name} kann sich wieder anmelden.',
  'admin.user.unblockExplainFraud':
    '{name} kann sich wieder anmelden, hat nach der Meldung verdächtiger Aktivität aber weiterhin ein hohes Risiko: Verwerfen Sie das Risiko, wenn die Meldung geprüft ist.',
  'admin.user.unblockConfirm': 'Blockierung aufheben',
  'admin.user.resetExplain':
    'Für {name} wird ein Einmalkennwort erzeugt und Ihnen einmal angezeigt; das aktuelle Kennwort funktioniert nicht mehr, und offene Sitzungen werden beendet. Bei der nächsten Anmeldung wird ein neues Kennwort gewählt.',
  'admin.user.resetConfirm': 'Kennwort zurücksetzen',
  'admin.user.otpTitle': 'Einmalkennwort für {upn}',
  'admin.user.otpAdvice':
    'Geben Sie es dem Benutzer auf einem sicheren Weg weiter. Es wird nur jetzt angezeigt; der Benutzer muss es bei der nächsten Anmeldung ändern.',
  'admin.user.methodGone': 'Diese Methode wurde bereits gelöscht.',
  'admin.user.deleteMethod': 'Die Methode {method} von {name} wird gelöscht.',
  'admin.user.deleteMethodPhone': 'Die Methode {method} ({phone}) von {name} wird gelöscht.',
  'admin.user.deleteOnlyMethod':
    'Es ist die einzige Methode: Bei der nächsten Anmeldung wird erneut eine registriert.',
  'admin.user.deleteMethodConfirm': 'Methode löschen',

  'admin.signins.none': 'Keine Anmeldungen.',
  'admin.signins.caption': 'Anmeldungen, neueste zuerst',
  'admin.signins.reason': 'Grund',
  'admin.signins.application': 'Anwendung',
  'admin.signins.front': 'Schnittstelle',
  'admin.signins.browser': 'Browser',
  'admin.signins.address': 'Adresse',
  'admin.signins.result.success': 'Erfolgreich',
  'admin.signins.result.failure': 'Fehlgeschlagen',
  'admin.signins.result.interrupted': 'Abgebrochen',

  'admin.userForm.upn': 'Benutzername (UPN)',
  'admin.userForm.email': 'E-Mail-Adresse',
  'admin.userForm.emailInvite': 'E-Mail-Adresse (hierhin wird die Einladung gesendet)',
  'admin.userForm.mobile':
    'Mobiltelefon (wird angeboten, wenn der Benutzer ein Telefon registriert)',
  'admin.userForm.language': 'Sprache (z. B. en, de, fr-CA)',
  'admin.userForm.invite':
    'Einladung per E-Mail senden: Der Benutzer wählt ein Kennwort und registriert Methoden',
  'admin.userForm.oneTime':
    'Einmalkennwort erstellen, das hier einmal angezeigt und bei der ersten Anmeldung geändert wird',
  'admin.userForm.create': 'Benutzer erstellen',
  'admin.userForm.importLink': 'Benutzer aus einer CSV-Datei importieren',
  'admin.userForm.editTitle': '{name} bearbeiten',
  'admin.userForm.fromDirectory':
    'Benutzername, E-Mail-Adresse und Mobilnummer stammen aus dem Verzeichnis.',
  'admin.userForm.otpAdvice':
    'Geben Sie es dem Benutzer auf einem sicheren Weg weiter: Es wird nur jetzt angezeigt und muss bei der ersten Anmeldung geändert werden.',
  'admin.userForm.deleteTitle': '{name} löschen',
  'admin.userForm.deleteQuestion': '{name} ({upn}) löschen?',
  'admin.userForm.deleteExplain':
    'Methoden, App-Kennwörter, Sitzungen und Gruppenmitgliedschaften werden mit gelöscht. Dies kann nicht rückgängig gemacht werden.',
  'admin.userForm.deleteExplainDirectory':
    'Methoden, App-Kennwörter, Sitzungen und Gruppenmitgliedschaften werden mit gelöscht. Dies kann nicht rückgängig gemacht werden; die nächste Verzeichnissynchronisierung legt den Benutzer wieder an, solange das Verzeichnis ihn führt.',
  'admin.userForm.deleteConfirm': '{upn} löschen',

  'admin.upload.template': 'Vorlage herunterladen',
  'admin.upload.file': 'CSV-Datei',
  'admin.upload.check': 'Datei prüfen',
  'admin.upload.noFile': 'Wählen Sie eine CSV-Datei zum Hochladen aus.',
  'admin.upload.notUtf8':
    'Die Datei ist kein UTF-8-Text. Speichern Sie sie als „CSV UTF-8“, und versuchen Sie es erneut.',
  'admin.upload.preview': 'Vorschau',
  'admin.upload.nothing': 'Keine Änderungen.',
  'admin.upload.another': 'Andere Datei hochladen',
  'admin.upload.anotherShort': 'Andere Datei',
  'admin.upload.apply': '{n, plural, one {# Änderung übernehmen} other {# Änderungen übernehmen}}',
  'admin.upload.applySkipping':
    '{changeCount, plural, one {# Änderung übernehmen} other {# Änderungen übernehmen}} ({errorCount, plural, one {# fehlerhafte Zeile überspringen} other {# fehlerhafte Zeilen überspringen}})',
  'admin.upload.errorsSkipped':
    '{n, plural, one {fehlerhaft, wird übersprungen} other {fehlerhaft, werden übersprungen}}',
  'admin.upload.errorsNotApplied':
    '{n, plural, one {fehlerhaft, nicht übernommen} other {fehlerhaft, nicht übernommen}}',
  'admin.upload.everyRow': 'Alle Zeilen der Datei, Fehler zuerst',
  'admin.upload.line': 'Zeile',
  'admin.upload.error': 'Fehler',
  'admin.upload.rowError': 'Fehler: {error}',
  'admin.upload.rowNoChange': 'Keine Änderung',
  'admin.upload.moreRows':
    '{n, plural, one {…und # weitere Zeile ohne Fehler.} other {…und # weitere Zeilen ohne Fehler.}}',
  'admin.upload.applying': 'Wird übernommen',
  'admin.upload.checkingRows': 'Zeilen werden geprüft',
  'admin.upload.result': 'Ergebnis',
  'admin.upload.notApplied': 'Nicht übernommene Zeilen',

  'admin.import.title': 'Benutzer importieren',
  'admin.import.intro':
    'Laden Sie eine CSV-Datei hoch, deren erste Zeile die Spalten benennt: {columns}. Nur {upn} ist erforderlich; ein leeres Feld ändert nichts; {email} ist bei neuen Benutzern standardmäßig der Benutzername; {mfa} ist Disabled, Enabled oder Enforced. {template}.',
  'admin.import.how':
    'Neue Benutzer werden ohne Kennwort angelegt und erhalten eine Einladung per E-Mail; vorhandene Benutzer werden aktualisiert, wo eine Spalte etwas Neues enthält. Jede Zeile wird zuerst geprüft, und nichts ändert sich, bevor Sie die Änderungen übernehmen; dabei werden alle fehlerfreien Zeilen in einer Transaktion geschrieben, nie eine fehlerhafte.',
  'admin.import.toCreate': '{n, plural, one {zu erstellen} other {zu erstellen}}',
  'admin.import.toUpdate': '{n, plural, one {zu aktualisieren} other {zu aktualisieren}}',
  'admin.import.created': '{n, plural, one {erstellt} other {erstellt}}',
  'admin.import.updated': '{n, plural, one {aktualisiert} other {aktualisiert}}',
  'admin.import.unchanged': '{n, plural, one {unverändert} other {unverändert}}',
  'admin.import.invited': '{n, plural, one {per E-Mail eingeladen} other {per E-Mail eingeladen}}',
  'admin.import.invite': 'Neuen Benutzern eine Einladung per E-Mail senden',
  'admin.import.rowCreate': 'Erstellen',
  'admin.import.rowUpdate': 'Aktualisieren: {changes}',
  'admin.import.writingUsers': 'Benutzer werden geschrieben',
  'admin.import.failed': 'Der Import ist fehlgeschlagen; es wurde nichts geändert.',

  'admin.bulk.intro':
    'Laden Sie eine CSV-Datei im Format der Microsoft-Vorlage hoch – eine Kopfzeile {header}, dann ein Benutzer pro Zeile mit Disabled, Enabled oder Enforced (UTF-8, mit oder ohne BOM). {template}.',
  'admin.bulk.how':
    'Jede Zeile wird zuerst geprüft, und nichts ändert sich, bevor Sie die Änderungen übernehmen. Dabei werden alle fehlerfreien Zeilen in einer Transaktion geschrieben – entweder ändern sich alle oder keine –, aber nie eine fehlerhafte Zeile.',
  'admin.bulk.willChange': '{n, plural, one {wird geändert} other {werden geändert}}',
  'admin.bulk.changed': '{n, plural, one {geändert} other {geändert}}',
  'admin.bulk.already':
    '{n, plural, one {hat diesen Status bereits} other {haben diesen Status bereits}}',
  'admin.bulk.now': 'Aktuell',
  'admin.bulk.new': 'Neu',
  'admin.bulk.rowChange': 'Ändern',
  'admin.bulk.writingChanges': 'Änderungen werden geschrieben',
  'admin.bulk.failed': 'Die Aktualisierung ist fehlgeschlagen; es wurde nichts geändert.',

  'admin.groups.deleted': 'Die Gruppe {name} wurde gelöscht.',
  'admin.groups.search': 'Nach Name suchen',
  'admin.groups.none': 'Keine Gruppen.',
  'admin.groups.caption': 'Gruppen, nach Name sortiert',
  'admin.groups.members': 'Mitglieder',
  'admin.groups.roleAdmins': 'Administratoren',
  'admin.groups.source.local': 'lokal',
  'admin.groups.source.scim': 'SCIM',
  'admin.groups.source.directory': 'Verzeichnis',
  'admin.groups.new': 'Neue Gruppe',
  'admin.groups.description': 'Beschreibung',
  'admin.groups.adminRole': 'Mitglieder sind Administratoren',
  'admin.groups.create': 'Gruppe erstellen',
  'admin.group.added': 'Mitglieder hinzugefügt.',
  'admin.group.removed': 'Mitglied entfernt.',
  'admin.group.stateSet':
    '{n, plural, one {MFA-Status für die Mitglieder festgelegt (# geändert).} other {MFA-Status für die Mitglieder festgelegt (# geändert).}}',
  'admin.group.stateSetSome': 'MFA-Status für die Mitglieder festgelegt.',
  'admin.group.sourceDirectory': 'Verzeichnis (Name und Mitglieder werden dort verwaltet)',
  'admin.group.sourceScim': 'Bereitstellung (SCIM)',
  'admin.group.sourceLocal': 'Hier erstellt',
  'admin.group.roleNone': 'Keine',
  'admin.group.addUsers':
    'Benutzer hinzufügen (Benutzernamen, getrennt durch Leerzeichen, Kommas oder Zeilenumbrüche)',
  'admin.group.add': 'Hinzufügen',
  'admin.group.remove': 'Entfernen',
  'admin.group.moreMembers': 'Weitere Mitglieder',
  'admin.group.stateTitle': 'MFA-Status aller Mitglieder',
  'admin.group.setTo': 'Festlegen auf',
  'admin.group.delete': 'Gruppe löschen…',
  'admin.group.stateSummary':
    '{n, plural, one {Den MFA-Status für # Mitglied von {group} auf „{state}“ setzen.} other {Den MFA-Status für # Mitglieder von {group} auf „{state}“ setzen.}}',
  'admin.group.stateExplain':
    'Mitglieder, die diesen Status bereits haben, bleiben unverändert; Benutzer, die später hinzukommen, werden nicht geändert.',
  'admin.group.stateConfirm': '„{state}“ festlegen',
  'admin.group.deleteQuestion': 'Gruppe {group} löschen?',
  'admin.group.deleteExplain':
    '{n, plural, =0 {Sie hat keine Mitglieder.} one {Ihr # Mitglied bleibt als Benutzer erhalten.} other {Ihre # Mitglieder bleiben als Benutzer erhalten.}}',
  'admin.group.deleteExplainAdmins':
    '{n, plural, =0 {Sie hat keine Mitglieder.} one {Ihr # Mitglied bleibt als Benutzer erhalten, verliert aber die Administratorrolle, die es durch die Gruppe hatte.} other {Ihre # Mitglieder bleiben als Benutzer erhalten, verlieren aber die Administratorrolle, die sie durch die Gruppe hatten.}}',
  'admin.group.deleteConfirm': '{group} löschen',

  'admin.settings.saved': 'Einstellungen gespeichert.',
  'admin.settings.notSaved': 'Nicht gespeichert: {reason}',
  'admin.settings.wholeNumber': '{field}: Geben Sie eine ganze Zahl ein.',
  // A user's Temporary Access Pass.
  'admin.pass.title': 'Befristeter Zugriffspass',
  'admin.pass.none':
    'Kein Pass. Mit einem Pass meldet sich der Benutzer an und registriert Methoden ohne eine andere Methode (erster Tag, verlorenes Telefon).',
  'admin.pass.notForUser':
    'Die Methodenrichtlinie gibt diesem Benutzer keine befristeten Zugriffspässe.',
  'admin.pass.active': 'Ein Pass ist gültig bis {expires}.',
  'admin.pass.activeOnce': 'Ein einmaliger Pass ist gültig bis {expires}.',
  'admin.pass.used': 'Der einmalige Pass wurde verwendet: Er meldet nicht mehr an.',
  'admin.pass.expired': 'Der Pass ist abgelaufen.',
  'admin.pass.revoke': 'Pass widerrufen',
  'admin.pass.lifetime': 'Gültigkeit',
  'admin.pass.oneTime': 'Nur für eine Anmeldung',
  'admin.pass.create': 'Pass erstellen',
  'admin.pass.replace': 'Neuen Pass erstellen (ersetzt diesen)',
  'admin.pass.createExplain':
    'Mit einem befristeten Zugriffspass meldet sich {name} an und registriert Überprüfungsmethoden ohne eine andere Methode. Er ersetzt einen früheren Pass und wird nur einmal angezeigt.',
  'admin.pass.createConfirm': 'Pass erstellen',
  'admin.pass.revokeExplain': 'Der befristete Zugriffspass von {name} meldet nicht mehr an.',
  'admin.pass.revokeConfirm': 'Widerrufen',
  'admin.pass.revoked': 'Der Pass wurde widerrufen.',
  'admin.pass.shownTitle': 'Befristeter Zugriffspass für {upn}',
  'admin.pass.shownAdvice':
    'Geben Sie ihn dem Benutzer selbst (persönlich oder telefonisch): Er wird nur jetzt angezeigt. Er meldet an, bis er abläuft.',
  'admin.pass.shownAdviceOnce':
    'Geben Sie ihn dem Benutzer selbst (persönlich oder telefonisch): Er wird nur jetzt angezeigt und gilt für eine Anmeldung.',
  'admin.pass.minutes': '{n, plural, one {# Minute} other {# Minuten}}',
  'admin.pass.hours': '{n, plural, one {# Stunde} other {# Stunden}}',
  'admin.pass.days': '{n, plural, one {# Tag} other {# Tage}}',
  // The authentication methods policy.
  'admin.settings.methodsMoved': 'Welche Methoden wer verwenden darf, legen Sie unter {link} fest.',
  'admin.methodsPolicy.intro':
    'Welche Überprüfungsmethoden Personen registrieren und verwenden dürfen: jede für alle Benutzer oder für Mitglieder ausgewählter Gruppen, nie für Mitglieder einer ausgeschlossenen Gruppe. Eine ausgeschaltete Methode wird weder angeboten noch angenommen.',
  'admin.methodsPolicy.caption': 'Methoden und wer sie verwenden darf',
  'admin.methodsPolicy.method': 'Methode',
  'admin.methodsPolicy.state': 'Status',
  'admin.methodsPolicy.target': 'Für',
  'admin.methodsPolicy.excluded': 'Ausgeschlossen',
  'admin.methodsPolicy.options': 'Optionen',
  'admin.methodsPolicy.on': 'Ein',
  'admin.methodsPolicy.off': 'Aus',
  'admin.methodsPolicy.allUsers': 'Alle Benutzer',
  'admin.methodsPolicy.selected': 'Mitglieder dieser Gruppen',
  'admin.methodsPolicy.includeHelp': 'Gruppen, ein Name pro Zeile (wenn nicht für alle Benutzer)',
  'admin.methodsPolicy.excludeHelp': 'Nie für Mitglieder dieser Gruppen (ein Name pro Zeile)',
  'admin.methodsPolicy.enabled': '{method} einschalten',
  'admin.methodsPolicy.useForSignIn':
    'SMS zur Anmeldung anbieten (aus: eine Nummer kann weiterhin registriert werden, nur zur Wiederherstellung)',
  'admin.methodsPolicy.smsSignIn': 'Zur Anmeldung',
  'admin.methodsPolicy.smsRecovery': 'Nur zur Wiederherstellung',
  'admin.methodsPolicy.phones': 'Anrufe dürfen klingeln auf',
  'admin.methodsPolicy.phone.mobile': 'Mobiltelefon',
  'admin.methodsPolicy.phone.alternateMobile': 'Alternatives Mobiltelefon',
  'admin.methodsPolicy.phone.office': 'Bürotelefon',
  'admin.methodsPolicy.attestationRequired':
    'Attestierung verlangen: Ein neuer Passkey muss Hersteller und Modell mit einem Zertifikat eines vertrauenswürdigen Herstellers nachweisen (die Stammzertifikate in PORTCULLIS_PASSKEY_ATTESTATION_ROOTS). Bereits registrierte Passkeys sind nicht betroffen.',
  'admin.methodsPolicy.attested': 'Attestierung verlangt',
  'admin.methodsPolicy.aaguids':
    'Zugelassene Authentifikatormodelle (AAGUIDs, eines pro Zeile; leer: jedes Modell)',
  'admin.methodsPolicy.models':
    '{n, plural, one {# Authentifikatormodell} other {# Authentifikatormodelle}}',
  'admin.methodsPolicy.method.authenticator':
    'Benachrichtigungen in der App (Portcullis Authenticator)',
  'admin.methodsPolicy.method.totp': 'Codes aus einer Authentifikator-App (TOTP)',
  'admin.methodsPolicy.method.sms': 'SMS',
  'admin.methodsPolicy.method.voice': 'Sprachanrufe',
  'admin.methodsPolicy.method.passkey': 'Passkeys',
  'admin.methodsPolicy.method.recoveryCodes': 'Wiederherstellungscodes',
  'admin.methodsPolicy.method.temporaryAccessPass': 'Befristeter Zugriffspass',
  'admin.settings.systemPreferredMfa':
    'Zuerst nach der stärksten Methode jedes Benutzers fragen (Passkey, App-Benachrichtigung, App-Code, dann SMS oder Anruf), nicht nach seiner Standardmethode (systembevorzugte MFA); eine andere bleibt wählbar',
  'admin.methodsPolicy.method.registrationCampaign': 'Registrierungskampagne',
  'admin.methodsPolicy.campaignOptions': 'Worum Benutzer gebeten werden',
  'admin.methodsPolicy.campaign.methods':
    'Benutzer, die sich per SMS oder Anruf anmelden, bitten, Folgendes einzurichten',
  'admin.methodsPolicy.campaign.method.authenticator': 'den Portcullis Authenticator',
  'admin.methodsPolicy.campaign.method.passkey': 'einen Passkey',
  'admin.methodsPolicy.campaign.snoozeDays':
    'Tage, die „Nicht jetzt“ die Frage aufschiebt (0 bis 14)',
  'admin.methodsPolicy.campaign.snoozeLimit':
    'Wie oft ein Benutzer „Nicht jetzt“ sagen darf (1 bis 10; 0: unbegrenzt)',
  'admin.methodsPolicy.campaignSummary':
    '{methods}; erneut gefragt {days, plural, =0 {bei jeder Anmeldung} one {nach # Tag} other {nach # Tagen}}; {limit, plural, =0 {„Nicht jetzt“ unbegrenzt} one {„Nicht jetzt“ # Mal} other {„Nicht jetzt“ # Mal}}',
  'admin.methodsPolicy.phoneOnly':
    '{count, plural, =0 {Kein Benutzer verlässt sich nur auf SMS oder Anrufe.} one {# Benutzer verlässt sich noch nur auf SMS oder Anrufe.} other {# Benutzer verlassen sich noch nur auf SMS oder Anrufe.}}',
  'admin.methodsPolicy.passOptions': 'Pässe',
  'admin.methodsPolicy.pass.defaultLifetimeMinutes':
    'Gültigkeit eines Passes, wenn der Administrator nichts wählt (Minuten)',
  'admin.methodsPolicy.pass.maxLifetimeMinutes':
    'Längste Gültigkeit (Minuten; höchstens 43200, 30 Tage)',
  'admin.methodsPolicy.pass.defaultLength': 'Zeichen eines Passes (8 bis 48)',
  'admin.methodsPolicy.pass.oneTimeOnly': 'Jeder Pass gilt nur für eine Anmeldung',
  'admin.methodsPolicy.passSummary':
    'standardmäßig {default} Min., höchstens {longest} Min.; {length} Zeichen',
  'admin.methodsPolicy.passSummaryOnce':
    'standardmäßig {default} Min., höchstens {longest} Min.; {length} Zeichen; je eine Anmeldung',
  'admin.settings.methods': 'Überprüfungsoptionen: Methoden, die Benutzer verwenden dürfen',
  'admin.settings.appPasswordsAllowed':
    'Benutzern erlauben, App-Kennwörter für Programme zu erstellen, die keine MFA unterstützen',
  'admin.settings.rememberDevices':
    'Mehrstufige Authentifizierung auf vertrauenswürdigen Geräten speichern',
  'admin.settings.rememberDevicesEnabled':
    'Benutzern erlauben, MFA auf Geräten zu speichern, denen sie vertrauen',
  'admin.settings.registration': 'Registrierung und Kennwörter',
  'admin.settings.passwordChangeRevokesAppPasswords':
    'Wenn Benutzer ihr Kennwort ändern, auch ihre App-Kennwörter löschen',
  'admin.settings.mail': 'E-Mails an Benutzer (sofern sie eine Adresse haben)',
  'admin.settings.mailOnMethodChange':
    'Wenn ihrem Konto eine Überprüfungsmethode hinzugefügt oder daraus entfernt wird',
  'admin.settings.mailOnAppPassword': 'Wenn ein App-Kennwort erstellt wird',
  'admin.settings.mailOnPasswordChange': 'Wenn sich ihr Kennwort ändert',
  'admin.settings.passkeys': 'Passkeys',
  'admin.settings.adminPhishingResistant':
    'Administratoren benötigen für dieses Portal eine phishing-resistente Anmeldung (einen Passkey); eine schwächere Sitzung wird danach gefragt. API-Tokens und die Befehlszeile auf dem Server sind nicht betroffen.',
  'admin.settings.adminPhishingResistantFirst':
    'Melden Sie sich zuerst mit einem Passkey an (öffnen Sie das Portal in einer neuen Anmeldung und verwenden Sie Ihren Passkey), damit Sie sich beim Einschalten nicht aussperren.',
  'admin.settings.passwordlessSignin':
    'Anmeldung allein mit einem Passkey, ohne Kennwort, zulassen (PIN oder Biometrie des Passkeys zählt als zweiter Faktor)',
  'admin.settings.fatigue': 'Portcullis Authenticator (MFA-Ermüdung)',
  'admin.settings.namedLocations': 'Benannte Orte',
  'admin.settings.namedLocationsHelp':
    'Benannte Orte: einer pro Zeile, zuerst ein Bereich, dann sein Name, z. B. 10.1.0.0/16 Büro Prag (der Portcullis Authenticator zeigt den spezifischsten Ort an, der die Adresse einer Anfrage enthält)',
  'admin.settings.trustedIps': 'Vertrauenswürdige IPs',
  'admin.settings.trustedIpsHelp':
    'MFA für Browseranmeldungen aus diesen Bereichen überspringen (ein CIDR pro Zeile, IPv4 oder IPv6, z. B. 10.0.0.0/8 oder 2001:db8::/32)',
  'admin.settings.fraud': 'Verdächtige Aktivität melden',
  'admin.settings.fraudAlertEnabled':
    'Benutzern erlauben, einen Anruf, eine SMS oder eine Benachrichtigung zu melden, die sie nicht angefordert haben',
  'admin.settings.limits': 'Gültigkeit von Codes und Sendelimits',
  'admin.settings.number.rememberDevicesDays':
    'Anzahl Tage, für die ein gespeichertes Gerät MFA überspringt (1–365)',
  'admin.settings.number.proofupGraceDays':
    'Anzahl Tage, um die Benutzer mit dem Status „Aktiviert“ die Registrierung einer Methode aufschieben dürfen (0–90; 0: nie)',
  'admin.settings.number.pushFatigueLimit':
    'App-Benachrichtigungen nach so vielen abgelehnten oder unbeantworteten Anfragen pausieren (1–20)',
  'admin.settings.number.pushFatigueMinutes': '… innerhalb so vieler Minuten (1–1440)',
  'admin.settings.number.phoneCodeMinutes':
    'Minuten, die ein per SMS gesendeter Code gültig bleibt (1–10)',
  'admin.settings.number.callTimeoutSeconds':
    'Sekunden, die ein Überprüfungsanruf auf # wartet (10–300)',
  'admin.settings.number.sendLimitPerUser': 'SMS und Anrufe pro Benutzer in 15 Minuten',
  'admin.settings.number.sendLimitPerNumber': 'SMS und Anrufe pro Telefonnummer in 15 Minuten',
  'admin.settings.number.sendLimitPerAddress': 'SMS und Anrufe pro Clientadresse in 15 Minuten',

  'admin.logs.filter': 'Filtern',
  'admin.logs.export': 'Alle passenden Einträge als CSV exportieren',
  'admin.logs.newest': 'Neueste',
  'admin.logs.older': 'Ältere Einträge',
  'admin.logs.method': 'Methode (z. B. PhoneAppOTP, password, app password)',
  'admin.logs.application': 'Anwendungs-ID',
  'admin.logs.since': 'Von (z. B. 2026-11-01)',
  'admin.logs.until': 'Bis',
  'admin.audit.none': 'Keine Ereignisse.',
  'admin.audit.caption': 'Überwachungsereignisse, neueste zuerst',
  'admin.audit.who': 'Wer',
  'admin.audit.from': 'Von',
  'admin.audit.action': 'Aktion',
  'admin.audit.detail': 'Einzelheiten',
  'admin.audit.userFilter': 'Betroffener Benutzer',
  'admin.audit.actorFilter': 'Wer (Benutzername eines Administrators, „token NAME“ oder cli)',
  'admin.audit.actionFilter': 'Aktion (z. B. mfa_state_set)',

  'admin.tokens.intro':
    'Mit Admin-API-Token können Skripts die REST-API ({openapi}) und die Befehlszeile mit {url} verwenden. Ein Token wird einmal angezeigt; gespeichert wird nur sein Hash.',
  'admin.tokens.none': 'Keine Token.',
  'admin.tokens.scope': 'Bereich',
  'admin.tokens.personalData': 'Personenbezogene Daten',
  'admin.tokens.by': 'Von',
  'admin.tokens.revoke': 'Widerrufen…',
  'admin.tokens.create': 'Token erstellen',
  'admin.tokens.name': 'Name (wofür es dient)',
  'admin.tokens.scopeRead': 'Nur lesen: darf alles ansehen, aber nichts ändern',
  'admin.tokens.scopeReadWrite': 'Lesen und schreiben: darf alles, was die Admin-API bietet',
  'admin.tokens.scopeScim':
    'SCIM-Bereitstellung: nur die SCIM-Endpunkte ({path}), für einen Identitätsanbieter oder ein Personalsystem',
  'admin.tokens.personalDataRight':
    'Darf personenbezogene Daten sehen (vollständige Telefonnummern)',
  'admin.tokens.createButton': 'Token erstellen',
  'admin.tokens.revoked': 'Token widerrufen.',
  'admin.tokens.chooseScope': 'Wählen Sie einen Bereich aus.',
  'admin.tokens.created': 'Token „{name}“ erstellt',
  'admin.tokens.storeNow': 'Speichern Sie es jetzt: Es wird nur einmal angezeigt.',
  'admin.tokens.noSuch': 'Dieses Token gibt es nicht.',
  'admin.tokens.revokeExplain':
    'Skripts, die das Token „{name}“ verwenden, funktionieren sofort nicht mehr.',
  'admin.tokens.revokeConfirm': 'Token widerrufen',

  'admin.apps.front.verify': 'HTTP-Überprüfung',
  'admin.apps.front.forwardAuth': 'Forward-Auth',
  'admin.apps.front.ldap': 'LDAP',
  'admin.apps.front.radius': 'RADIUS',
  'admin.apps.kindLegacy': 'Legacy',
  'admin.apps.kindOidc': 'OpenID Connect',
  'admin.apps.kindMachine': 'OpenID Connect (Maschine)',
  'admin.apps.deviceCode': 'Gerätecode unter /device',
  'admin.apps.kindDevice': 'OpenID Connect (Gerät)',
  'admin.apps.kindSaml': 'SAML 2.0',
  'admin.apps.samlEntity': 'Entitäts-ID',
  'admin.apps.radiusMode': 'RADIUS-Modus',
  'admin.apps.radiusModeAppPassword':
    'App-Kennwort (oder das Kontokennwort, wo der MFA-Status des Benutzers es erlaubt)',
  'admin.apps.radiusModeMfa':
    'MFA: das Kontokennwort, dann ein zweiter Faktor (ein Code nach einer Abfrage oder eine Genehmigung auf dem Telefon)',
  'admin.apps.radiusMfaSet': 'RADIUS mit MFA',
  'admin.apps.radiusOldClients':
    'Auch RADIUS-Anfragen ohne Message-Authenticator annehmen (alte Clients wie pam_radius_auth 2.0; schwächer)',
  'admin.apps.radiusSaved': 'Die RADIUS-Einstellungen von „{name}“ wurden gespeichert.',
  'admin.apps.radiusTitle': 'RADIUS-Einstellungen von {name}',
  'admin.apps.changeRadius': 'RADIUS-Einstellungen',
  'admin.apps.radiusSecretSet': 'RADIUS-Schlüssel festgelegt',
  'admin.apps.clientCredentials': 'Clientanmeldeinformationen',
  'admin.apps.afterSignout': 'Nach dem Abmelden:',
  'admin.apps.none': 'Noch keine Anwendungen.',
  'admin.apps.id': 'ID (Client-ID)',
  'admin.apps.kind': 'Art',
  'admin.apps.uses': 'Schnittstellen oder Umleitungs-URIs',
  'admin.apps.strength': 'Stärke',
  'admin.apps.firstParty': 'Eigene Anwendung',
  'admin.apps.changeUris': 'Umleitungs-URIs ändern…',
  'admin.apps.newSecret': 'Neuer geheimer Clientschlüssel…',
  'admin.apps.notAdded': 'Nicht hinzugefügt: {reason}',
  'admin.apps.notChanged': 'Nicht geändert: {reason}',
  'admin.apps.redirectUris': 'Umleitungs-URIs, einer pro Zeile (https; http nur für localhost)',
  'admin.apps.backchannelUri':
    'Back-Channel-Logout-URI (optional; wird benachrichtigt, wenn eine Sitzung endet: Abmeldung, Sperre, neues Kennwort)',
  'admin.apps.postLogoutUrisNew':
    'Umleitungs-URIs nach dem Abmelden, einer pro Zeile (optional; wohin die Abmeldung von der Anwendung zurückführen darf, gleiche Regeln)',
  'admin.apps.postLogoutUrisEdit':
    'Umleitungs-URIs nach dem Abmelden, einer pro Zeile (wohin die Abmeldung von der Anwendung zurückführen darf; leer für keine)',
  'admin.apps.strengthHelp':
    'Erforderliche Authentifizierungsstärke (einer schwächeren Anmeldung wird nur das Fehlende abverlangt)',
  'admin.apps.strength.none': 'Keine (der MFA-Status jeder Person entscheidet)',
  'admin.apps.strength.mfa': 'Mehrstufige Authentifizierung',
  'admin.apps.strength.passwordless': 'Kennwortlose MFA (ein Passkey)',
  'admin.apps.strength.phishing-resistant': 'Phishing-resistente MFA (ein Passkey)',
  'admin.apps.firstPartyHelp': 'Eigene Anwendung: unsere eigene Anwendung, keine Zustimmungsseite',
  'admin.apps.idTokenAlg': 'ID-Tokens signiert mit',
  'admin.apps.idTokenAlgRs256': 'RS256 (versteht jeder Client)',
  'admin.apps.idTokenAlgEs256': 'ES256 (kleiner und schneller; der Client muss es unterstützen)',
  'admin.apps.machineHelp':
    'Maschinenclient: Clientanmeldeinformationen, keine Benutzer und keine Umleitungs-URIs',
  'admin.apps.deviceHelp':
    'Geräte-Client (Befehlszeilenwerkzeuge, Fernseher): Benutzer melden sich unter /device mit dem angezeigten Code an; öffentlich, ohne Client-Geheimnis und ohne Weiterleitungs-URIs',
  'admin.apps.addClient': 'Client hinzufügen',
  'admin.apps.urisTitle': 'Umleitungs-URIs von „{name}“',
  'admin.apps.fronts': 'Zulässige Schnittstellen',
  'admin.apps.radiusSecret':
    '{max, plural, one {Gemeinsamer geheimer RADIUS-Schlüssel (optional, {min} bis # Zeichen; die Anwendung ist dann ein RADIUS-Client)} other {Gemeinsamer geheimer RADIUS-Schlüssel (optional, {min} bis # Zeichen; die Anwendung ist dann ein RADIUS-Client)}}',
  'admin.apps.addLegacy': 'Anwendung hinzufügen',
  'admin.apps.intro':
    'Legacy-Anwendungen (Mailserver, VPNs, über einen Proxy veröffentlichte Websites) werden an den Schnittstellen über ihre ID benannt; OpenID Connect-Clients verwenden sie als Client-ID. Ein geheimer Clientschlüssel wird einmal angezeigt; gespeichert wird nur eine versiegelte Kopie.',
  'admin.apps.addOidcTitle': 'OpenID Connect-Client hinzufügen',
  'admin.apps.addLegacyTitle': 'Legacy-Anwendung hinzufügen',
  'admin.apps.noSuch': 'Diese Anwendung gibt es nicht (bereits gelöscht?).',
  'admin.apps.deleted': 'Anwendung gelöscht.',
  'admin.apps.added': '„{name}“ hinzugefügt: Die Anwendungs-ID lautet {id}.',
  'admin.apps.urisSaved': 'Die Umleitungs-URIs von „{name}“ wurden gespeichert.',
  'admin.apps.noUris':
    'Nur ein Webclient (OpenID Connect, kein Maschinenclient) hat Umleitungs-URIs.',
  'admin.apps.clientAdded': 'Client „{name}“ hinzugefügt',
  'admin.apps.clientAddedAdvice':
    'Client-ID: {id}. Speichern Sie den geheimen Clientschlüssel jetzt: Er wird nur einmal angezeigt.',
  'admin.apps.deleteOidc':
    'Den OpenID Connect-Client „{name}“ ({id}) löschen. Seine Genehmigungen und Token werden gelöscht und funktionieren sofort nicht mehr; die Anwendung kann niemanden mehr anmelden. App-Kennwörter, die nur für diese Anwendung gelten, werden gelöscht; bei anderen wird sie nur aus der Liste entfernt. Dies kann nicht rückgängig gemacht werden.',
  'admin.apps.deleteLegacy':
    'Die Anwendung „{name}“ ({id}) löschen. Ihre Schnittstellen nehmen sofort keine Anmeldungen mehr für sie an. App-Kennwörter, die nur für diese Anwendung gelten, werden gelöscht; bei anderen wird sie nur aus der Liste entfernt. Dies kann nicht rückgängig gemacht werden.',
  'admin.apps.deleteConfirm': 'Anwendung löschen',
  'admin.apps.newSecretExplain':
    '„{name}“ ({id}) einen neuen geheimen Clientschlüssel geben. Der aktuelle Schlüssel funktioniert sofort nicht mehr: Die Anwendung benötigt den neuen, um Token zu erhalten. Bereits ausgestellte Token bleiben bis zu ihrem Ablauf gültig.',
  'admin.apps.newSecretConfirm': 'Neuen Schlüssel erstellen',
  'admin.apps.newSecretTitle': 'Neuer geheimer Clientschlüssel für „{name}“',
  'admin.apps.newSecretAdvice':
    'Client-ID: {id}. Speichern Sie den Schlüssel jetzt: Er wird nur einmal angezeigt.',
  'admin.apps.serviceAccountSet': 'LDAP-Dienstkonto',
  'admin.apps.onlyGroups': 'Nur Mitglieder von: {groups}',
  'admin.apps.noOne': 'Niemand (ihre Gruppen wurden gelöscht)',
  'admin.apps.access': 'Wer sie nutzen darf…',
  'admin.apps.accessTitle': 'Wer „{name}“ nutzen darf',
  'admin.apps.accessAll': 'Alle Benutzer',
  'admin.apps.accessGroups':
    'Nur Mitglieder dieser Gruppen: an jedem Legacy-Zugang, und nur sie sieht ihr LDAP-Dienstkonto',
  'admin.apps.accessGroupNames': 'Gruppennamen, einer pro Zeile',
  'admin.apps.accessSaved': 'Gespeichert, wer „{name}“ nutzen darf.',
  'admin.apps.newServiceAccount': 'Neues LDAP-Dienstkonto…',
  'admin.apps.deleteServiceAccount': 'LDAP-Dienstkonto löschen…',
  'admin.apps.serviceAccountExplain':
    '„{name}“ ({id}) erhält ein neues LDAP-Dienstkonto für Programme, die den Benutzer vor der Anmeldung suchen. Ein bisheriger Schlüssel gilt sofort nicht mehr.',
  'admin.apps.serviceAccountConfirm': 'Dienstkonto erstellen',
  'admin.apps.serviceAccountTitle': 'LDAP-Dienstkonto von „{name}“',
  'admin.apps.serviceAccountAdvice':
    'Bind-DN: {dn}. Speichern Sie den Schlüssel (das Bind-Passwort) jetzt: Er wird nur einmal angezeigt.',
  'admin.apps.deleteServiceAccountExplain':
    'Das LDAP-Dienstkonto von „{name}“ ({id}) löschen? Programme, die sich damit anmelden, finden keine Benutzer mehr.',
  'admin.apps.deleteServiceAccountConfirm': 'Dienstkonto löschen',
  'admin.apps.serviceAccountDeleted': 'Das LDAP-Dienstkonto von „{name}“ wurde gelöscht.',
  'admin.apps.ldapServiceAccountHelp':
    'Ein LDAP-Dienstkonto erstellen (für Programme, die den Benutzer vor der Anmeldung suchen)',

  'admin.directory.notContacted': 'Von diesem Knoten noch nicht kontaktiert.',
  'admin.directory.up': 'erreichbar',
  'admin.directory.down': 'nicht erreichbar',
  'admin.directory.upSince': '{tag} seit {since}',
  'admin.directory.downSince':
    '{tag} seit {since}: {error}. Verzeichnisbenutzer können sich so lange nicht anmelden; lokale Benutzer und App-Kennwörter sind nicht betroffen.',
  'admin.directory.notSynced':
    '{n, plural, one {Nicht synchronisiert (#)} other {Nicht synchronisiert (#)}}',
  'admin.directory.entry': 'Eintrag',
  'admin.directory.why': 'Grund',
  'admin.directory.dryRunDone': 'Testlauf: Es wurde nichts geändert',
  'admin.directory.synced': 'Synchronisiert',
  'admin.directory.report':
    '{entryCount, plural, one {# Eintrag} other {# Einträge}}: {createdCount, plural, one {# erstellt} other {# erstellt}}, {updatedCount, plural, one {# aktualisiert} other {# aktualisiert}}, {blockedCount, plural, one {# blockiert} other {# blockiert}}, {unblockedCount, plural, one {# freigegeben} other {# freigegeben}}, {deletedCount, plural, one {# gelöscht} other {# gelöscht}}, {unchangedCount, plural, one {# unverändert} other {# unverändert}}.',
  'admin.directory.wouldChange': 'Geplante Änderungen',
  'admin.directory.changed': 'Vorgenommene Änderungen',
  'admin.directory.changes': 'Änderungen',
  'admin.directory.action.create': 'erstellen',
  'admin.directory.action.adopt': 'übernehmen',
  'admin.directory.action.update': 'aktualisieren',
  'admin.directory.action.block': 'blockieren',
  'admin.directory.action.unblock': 'freigeben',
  'admin.directory.action.delete': 'löschen',
  'admin.directory.works': 'Die Verbindung funktioniert',
  'admin.directory.searched':
    '{n, plural, =0 {Als Dienstkonto gebunden und {base} nach {filter} durchsucht: kein Eintrag gefunden.} one {Als Dienstkonto gebunden und {base} nach {filter} durchsucht: # Eintrag, gelesen als:} other {Als Dienstkonto gebunden und {base} nach {filter} durchsucht: # Einträge, gelesen als:}}',
  'admin.directory.mail': 'E-Mail',
  'admin.directory.mobile': 'Mobiltelefon',
  'admin.directory.language': 'Sprache',
  'admin.directory.disabled': 'Deaktiviert',
  'admin.directory.problem': 'Problem',
  'admin.directory.notConfigured':
    'Es ist kein Verzeichnis konfiguriert: Die Benutzer sind lokal. Um Benutzer und ihre Kennwörter aus Active Directory oder OpenLDAP zu übernehmen, legen Sie {url} und {base} fest (siehe README, Abschnitt „Users from a directory“).',
  'admin.directory.connection': 'Verbindung',
  'admin.directory.kind': 'Art',
  'admin.directory.servers': 'Server',
  'admin.directory.usersUnder': 'Benutzer unter',
  'admin.directory.serviceAccount': 'Dienstkonto',
  'admin.directory.anonymous': 'anonym',
  'admin.directory.userCounts':
    '{directoryCount, plural, one {# aus dem Verzeichnis} other {# aus dem Verzeichnis}} ({blockedCount, plural, one {# davon dort blockiert} other {# davon dort blockiert}}), {localCount, plural, one {# lokal} other {# lokal}}',
  'admin.directory.lookUp': 'Nachzuschlagender Benutzername (optional)',
  'admin.directory.test': 'Verbindung testen',
  'admin.directory.sync': 'Synchronisierung',
  'admin.directory.lastSync': 'Letzte Synchronisierung',
  'admin.directory.lastRun':
    '({trigger}, {actor}): {status}, {createdCount, plural, one {# erstellt} other {# erstellt}}, {updatedCount, plural, one {# aktualisiert} other {# aktualisiert}}, {blockedCount, plural, one {# blockiert} other {# blockiert}}, {unblockedCount, plural, one {# freigegeben} other {# freigegeben}}, {deletedCount, plural, one {# gelöscht} other {# gelöscht}}',
  'admin.directory.lastRunFailed': '({trigger}, {actor}): {status} – {error}',
  'admin.directory.never': 'nie',
  'admin.directory.nextSync': 'Nächste Synchronisierung',
  'admin.directory.syncOff': 'aus (PORTCULLIS_DIRECTORY_SYNC_MINUTES=0)',
  'admin.directory.dryRun': 'Testlauf (nur anzeigen, was sich ändern würde)',
  'admin.directory.syncNow': 'Jetzt synchronisieren',
  'admin.directory.recent': 'Letzte Synchronisierungen',
  'admin.directory.started': 'Gestartet',
  'admin.directory.colCreated': 'Erstellt',
  'admin.directory.colUpdated': 'Aktualisiert',
  'admin.directory.colBlocked': 'Blockiert',
  'admin.directory.colNotSynced': 'Nicht synchronisiert',
  'admin.directory.status.running': 'läuft',
  'admin.directory.status.succeeded': 'erfolgreich',
  'admin.directory.status.partial': 'teilweise',
  'admin.directory.status.failed': 'fehlgeschlagen',
  'admin.directory.trigger.schedule': 'Zeitplan',
  'admin.directory.trigger.cli': 'Befehlszeile',
  'admin.directory.trigger.portal': 'Portal',
  'admin.directory.trigger.api': 'API',
  'admin.branding.link': 'Branding: Name, Logo und Hilfe Ihrer Organisation',
  'admin.branding.title': 'Branding',
  'admin.branding.back': 'Zurück zu den Diensteinstellungen',
  'admin.branding.intro':
    'Name, Logo und Hilfe Ihrer Organisation erscheinen auf jeder Anmeldeseite, in SMS, Anrufen und E-Mails sowie als Kontoname in Authenticator-Apps.',
  'admin.branding.name': 'Name der Organisation',
  'admin.branding.nameHint':
    'Bleibt das Feld leer, nennen Seiten und Nachrichten Portcullis. Authenticator-Apps zeigen den Namen an, der beim Hinzufügen der Methode galt.',
  'admin.branding.helpText':
    'Hilfetext (z. B. wen man anrufen soll, wenn ein Telefon verloren geht)',
  'admin.branding.helpUrl': 'Hilfelink (https://, http://, mailto: oder tel:)',
  'admin.branding.logo': 'Logo',
  'admin.branding.currentLogo': 'Das aktuelle Logo',
  'admin.branding.noLogo': 'Kein Logo.',
  'admin.branding.logoFile': 'Ein PNG-, JPEG-, GIF- oder WebP-Bild mit höchstens 256 KiB',
  'admin.branding.removeLogo': 'Logo entfernen',
  'admin.branding.badLogo':
    'Ein Logo muss ein PNG-, JPEG-, GIF- oder WebP-Bild mit höchstens 256 KiB sein.',
  'admin.auditAction.api_token_created': 'API-Token erstellt',
  'admin.auditAction.api_token_revoked': 'API-Token widerrufen',
  'admin.auditAction.app_password_created': 'App-Kennwort erstellt',
  'admin.auditAction.app_password_deleted': 'App-Kennwort gelöscht',
  'admin.auditAction.application_changed': 'Anwendung geändert',
  'admin.auditAction.application_created': 'Anwendung erstellt',
  'admin.auditAction.application_deleted': 'Anwendung gelöscht',
  'admin.auditAction.application_secret_changed':
    'Neuer geheimer Clientschlüssel für Anwendung erstellt',
  'admin.auditAction.application_service_account_set': 'LDAP-Dienstkonto erstellt',
  'admin.auditAction.application_service_account_deleted': 'LDAP-Dienstkonto gelöscht',
  'admin.auditAction.default_method_set': 'Standardmethode festgelegt',
  'admin.auditAction.fraud_reported': 'Verdächtige Aktivität gemeldet',
  'admin.auditAction.group_created': 'Gruppe erstellt',
  'admin.auditAction.group_deleted': 'Gruppe gelöscht',
  'admin.auditAction.group_updated': 'Gruppe geändert',
  'admin.auditAction.invitation_accepted': 'Einladung angenommen',
  'admin.auditAction.method_added': 'Methode hinzugefügt',
  'admin.auditAction.method_deleted': 'Methode gelöscht',
  'admin.auditAction.mfa_state_set': 'MFA-Status festgelegt',
  'admin.auditAction.passkey_flagged': 'Passkey als verdächtig markiert',
  'admin.auditAction.password_changed': 'Kennwort geändert',
  'admin.auditAction.password_reset': 'Kennwort zurückgesetzt',
  'admin.auditAction.password_set': 'Kennwort festgelegt',
  'admin.auditAction.settings_changed': 'Diensteinstellungen geändert',
  'admin.auditAction.tap_created': 'Befristeter Zugriffspass erstellt',
  'admin.auditAction.tap_revoked': 'Befristeter Zugriffspass widerrufen',
  'admin.auditAction.tap_used': 'Mit befristetem Zugriffspass angemeldet',
  'admin.auditAction.tap_expired': 'Befristeter Zugriffspass abgelaufen',
  'admin.auditAction.methods_policy_changed': 'Richtlinie für Authentifizierungsmethoden geändert',
  'admin.auditAction.signing_keys_rotated': 'Signaturschlüssel rotiert',
  'admin.auditAction.user_created': 'Benutzer erstellt',
  'admin.auditAction.user_deleted': 'Benutzer gelöscht',
  'admin.auditAction.user_invited': 'Benutzer eingeladen',
  'admin.auditAction.user_updated': 'Benutzer geändert',
  'admin.auditKey.name': 'Name',
  'admin.auditKey.scope': 'Bereich',
  'admin.auditKey.scopes': 'Anwendungen',
  'admin.auditKey.rights': 'Rechte',
  'admin.auditKey.expiresAt': 'Läuft ab',
  'admin.auditKey.reason': 'Grund',
  'admin.auditKey.application': 'Anwendung',
  'admin.auditKey.via': 'Über',
  'admin.auditKey.blocked': 'Blockiert',
  'admin.auditKey.by': 'Durch',
  'admin.auditKey.methodType': 'Methode',
  'admin.auditKey.methodTypes': 'Methoden',
  'admin.auditKey.during': 'Während',
  'admin.auditKey.field': 'Feld',
  'admin.auditKey.fields': 'Felder',
  'admin.auditKey.from': 'Von',
  'admin.auditKey.to': 'Nach',
  'admin.auditKey.removed': 'Entfernt',
  'admin.auditKey.fronts': 'Schnittstellen',
  'admin.auditKey.after': 'Im Anschluss an',
  'admin.auditKey.state': 'Status',
  'admin.auditKey.mfaState': 'MFA-Status',
  'admin.auditKey.isAdmin': 'Administrator',
  'admin.settings.highRiskAction': 'Eine Meldung setzt das Risiko des Benutzers auf hoch, und dann',
  'admin.settings.highRisk.block':
    'wird die Anmeldung blockiert, bis ein Administrator das Risiko verwirft',
  'admin.settings.highRisk.changePassword':
    'ändert der Benutzer sein Kennwort nach der MFA bei der nächsten Anmeldung (Verzeichnisbenutzer werden stattdessen blockiert)',
  'admin.settings.highRisk.reregister':
    'werden die Methoden des Benutzers entfernt und müssen neu registriert werden',
  'admin.settings.highRisk.none': 'geschieht nichts weiter (das Risiko wird nur erfasst)',
  'admin.user.risk': 'Risiko',
  'admin.user.riskHigh': 'Hoch: Der Benutzer hat verdächtige Aktivität gemeldet',
  'admin.user.riskRemediated': 'Keines: durch eine Kennwortänderung behoben',
  'admin.user.riskDismissed': 'Keines: von einem Administrator verworfen',
  'admin.user.dismissRisk': 'Risiko verwerfen…',
  'admin.user.dismissRiskExplain':
    '{name} hat einen Anruf, eine SMS oder eine Benachrichtigung gemeldet, die er nicht angefordert hat. Verwerfen Sie das Risiko, wenn die Meldung geprüft ist: Es ist dann wieder keines, und eine durch die Meldung gesetzte Blockierung wird aufgehoben.',
  'admin.user.dismissRiskConfirm': 'Risiko verwerfen',
  'admin.user.done.riskDismissed': 'Das Risiko wurde verworfen.',
  'admin.users.risk': 'Risiko',
  'admin.users.riskHigh': 'Hoch',
  'admin.users.tagHighRisk': 'hohes Risiko',
  'admin.auditAction.risk_dismissed': 'Risiko verworfen',
  'admin.auditKey.riskLevel': 'Risiko',
  'admin.auditKey.action': 'Aktion',
  'admin.auditKey.unblocked': 'Blockierung aufgehoben',
  'admin.pass.pending': 'Ein Pass ist gültig ab {starts} bis {expires}.',
  'admin.nav.reports': 'Berichte',
  'admin.reports.title': 'Nutzung und Registrierung',
  'admin.reports.registration': 'Registrierung',
  'admin.reports.users': 'Benutzer, die sich anmelden dürfen',
  'admin.reports.capable': 'MFA-fähig (eine Methode, die allein genügt)',
  'admin.reports.withoutMethod': 'Ohne jede Methode',
  'admin.reports.phoneOnly': 'Nur SMS und Anrufe',
  'admin.reports.methods': 'Registrierte Methoden, nach Benutzern, die sie haben',
  'admin.reports.usersWith': 'Benutzer',
  'admin.reports.list': 'Benutzer nach Registrierung',
  'admin.reports.show': 'Anzeigen',
  'admin.reports.filter.all': 'Alle Benutzer, die sich anmelden dürfen',
  'admin.reports.filter.capable': 'MFA-fähig',
  'admin.reports.filter.notCapable': 'Nicht MFA-fähig',
  'admin.reports.filter.noMethod': 'Ohne jede Methode',
  'admin.reports.filter.phoneOnly': 'Nur SMS und Anrufe',
  'admin.reports.export': 'Als CSV exportieren',
  'admin.reports.capableColumn': 'MFA-fähig',
  'admin.reports.methodsColumn': 'Methoden',
  'admin.reports.noUsers': 'Kein Benutzer passt.',
  'admin.reports.signins': 'Anmeldungen',
  'admin.reports.period': 'Zeitraum',
  'admin.reports.lastDays': '{n, plural, one {Der letzte Tag} other {Die letzten # Tage}}',
  'admin.reports.noSignins': 'Keine Anmeldungen in diesem Zeitraum.',
  'admin.reports.byResult':
    '{n, plural, one {Anmeldungen heute nach Ergebnis (UTC)} other {Anmeldungen pro Tag in den letzten # Tagen, nach Ergebnis (UTC)}}',
  'admin.reports.byMethod':
    '{n, plural, one {Anmeldungen heute nach Methode (UTC)} other {Anmeldungen pro Tag in den letzten # Tagen, nach Methode (UTC)}}',
  'admin.reports.figures': 'Die Zahlen, Tag für Tag',
  'admin.reports.date': 'Datum (UTC)',
  'admin.reports.total': 'Gesamt',
  'admin.reports.tip': '{date} · {label}: {value}',
  'admin.reports.passwordOnly': 'Nur Kennwort oder keine',
  'admin.reports.password': 'Kennwort',
} satisfies Record<keyof typeof en, string>;
