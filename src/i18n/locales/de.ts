import type { Catalog } from '../index.ts';
import admin from './admin/de.ts';

// German (de). Keys and {placeholders} exactly as in en.ts.
export default {
  ...admin,
  'layout.title': '{title} · {brand}',
  'layout.helpLink': 'Hilfe erhalten',
  'layout.stale':
    'Diese Seite war veraltet, daher wurde nichts gesendet. Dies ist die aktuelle Seite: Versuchen Sie es bei Bedarf erneut.',

  'signin.title': 'Anmelden',
  'signin.username': 'Benutzername',
  'signin.usernamePlaceholder': 'jemand@example.com',
  'signin.password': 'Kennwort',
  'signin.submit': 'Anmelden',
  'signin.usePass': 'Mit einem befristeten Zugriffspass anmelden',
  'signin.passTitle': 'Mit einem befristeten Zugriffspass anmelden',
  'signin.passIntro':
    'Ihr Administrator hat Ihnen einen befristeten Zugriffspass gegeben: Geben Sie ihn statt Ihres Kennworts ein. Danach können Sie Ihre Überprüfungsmethoden einrichten.',
  'signin.passLabel': 'Befristeter Zugriffspass',
  'signin.withPassword': 'Stattdessen mit Ihrem Kennwort anmelden',
  'signin.differentUser': 'Als anderer Benutzer anmelden',

  'account.title': 'Mein Konto',
  'account.signedInAs': 'Angemeldet als {name} ({upn})',
  'account.mfa': 'Mehrstufige Authentifizierung',
  'account.methods': 'Überprüfungsmethoden',
  'account.noMethods': 'Keine registriert',
  'account.signOut': 'Abmelden',

  'mfaState.Disabled': 'Deaktiviert',
  'mfaState.Enabled': 'Aktiviert',
  'mfaState.Enforced': 'Erzwungen',

  'campaign.title': 'Machen Sie Ihre Anmeldungen sicherer',
  'campaign.intro':
    'Sie haben sich mit einer SMS oder einem Anruf angemeldet. Richten Sie den Portcullis Authenticator oder einen Passkey ein: Das geht schneller und kann nicht wie SMS und Anrufe abgefangen werden.',
  'campaign.askedAgain':
    '{days, plural, =0 {Sie werden bei Ihrer nächsten Anmeldung erneut gefragt.} one {Sie werden in # Tag erneut gefragt.} other {Sie werden in # Tagen erneut gefragt.}}',
  'campaign.snoozesLeft':
    '{count, plural, one {Sie können dies noch # Mal aufschieben.} other {Sie können dies noch # Mal aufschieben.}}',
  'campaign.mustSetUp':
    'Sie haben dies so oft aufgeschoben, wie Ihre Organisation erlaubt: Richten Sie jetzt eine Methode ein, um fortzufahren.',
  'proofup.title': 'Weitere Informationen erforderlich',
  'proofup.intro':
    'Ihre Organisation benötigt weitere Informationen, um Ihr Konto zu schützen. Wählen Sie aus, wie Sie Ihre Identität bestätigen möchten.',
  'proofup.legend': 'Überprüfungsmethode',
  'proofup.next': 'Weiter',
  'proofup.chooseAnother': 'Andere Methode auswählen',
  'password.title': 'Neues Kennwort wählen',
  'password.intro':
    'Ihr Administrator hat Ihr Kennwort zurückgesetzt. Wählen Sie ein neues, um fortzufahren; das Einmalkennwort gilt dann nicht mehr.',
  'password.introRisk':
    'Ein Anruf, eine SMS oder eine Benachrichtigung, die Sie nicht angefordert haben, wurde gemeldet: Jemand anderes kennt vielleicht Ihr Kennwort. Wählen Sie ein neues, um fortzufahren.',
  'password.new': 'Neues Kennwort (mindestens 8 Zeichen)',
  'password.confirm': 'Neues Kennwort wiederholen',
  'password.submit': 'Kennwort ändern',
  'password.mismatch': 'Die beiden Kennwörter stimmen nicht überein.',
  'password.same': 'Wählen Sie ein anderes Kennwort als das Einmalkennwort.',
  'password.length':
    '{max, plural, one {Ein Kennwort muss {min} bis # Zeichen lang sein.} other {Ein Kennwort muss {min} bis # Zeichen lang sein.}}',
  'password.common':
    'Dieses Kennwort ist zu verbreitet: Es steht auf einer Liste von Kennwörtern, die Angreifer zuerst ausprobieren. Wählen Sie ein anderes.',
  'password.changeTitle': 'Kennwort ändern',
  'password.changeIntro':
    'Geben Sie Ihr aktuelles Kennwort und dann das neue ein. Am besten ist ein langes Kennwort, das Sie sich leicht merken können, etwa einige Wörter ohne Zusammenhang. Nach der Änderung werden Sie überall sonst abgemeldet, und gespeicherte Geräte müssen sich erneut bestätigen.',
  'password.current': 'Aktuelles Kennwort',
  'password.currentWrong': 'Das aktuelle Kennwort ist nicht richtig.',
  'password.reuse': 'Wählen Sie ein anderes Kennwort als Ihr aktuelles.',
  'password.tooMany':
    'Zu viele falsche Kennwörter. Versuchen Sie es in {seconds, plural, one {# Sekunde} other {# Sekunden}} erneut.',
  'password.changed': 'Ihr Kennwort wurde geändert. Sie wurden überall sonst abgemeldet.',
  'password.appPasswordsDeleted':
    'Ihre Organisation löscht App-Kennwörter, wenn sich das Kennwort ändert: Erstellen Sie bei Bedarf neue.',
  'password.back': 'Zurück zu meinem Konto',
  'enrol.title': 'Einrichten: {method}',

  'verify.title': 'Identität überprüfen',
  'verify.otherOptions': 'Andere Überprüfungsoption verwenden',
  'verify.lostTitle': 'Sie können diese Methode nicht verwenden?',
  'verify.lostWithRecovery':
    'Wenn Sie Ihr Telefon verloren haben oder es nicht verwenden können, wählen Sie „Andere Überprüfungsoption verwenden“ und melden Sie sich mit einem Ihrer Wiederherstellungscodes an. Registrieren Sie danach Ihr neues Telefon unter „Sicherheitsinformationen“.',
  'verify.lostNoRecovery':
    'Wenn Sie Ihr Telefon verloren haben oder es nicht verwenden können, wenden Sie sich an Ihren Administrator: Er kann Ihre Überprüfungsmethoden zurücksetzen, damit Sie neue registrieren können.',
  'noMethod.title': 'Sie können sich zurzeit nicht anmelden',
  'noMethod.body':
    'Für Ihr Konto ist eine zweite Überprüfungsmethode erforderlich, aber keine der von Ihrer Organisation zugelassenen Methoden kann verwendet werden. Wenden Sie sich an Ihren Administrator.',

  'code.label': 'Code',
  'code.verify': 'Überprüfen',
  'notify.methodAdded':
    '{issuer}: {method} wurde zu den Anmeldemethoden von {upn} hinzugefügt. Wenn Sie das nicht waren, informieren Sie Ihre IT-Abteilung.',
  'notify.methodRemoved':
    '{issuer}: {method} wurde aus den Anmeldemethoden von {upn} entfernt. Wenn Sie das nicht waren, informieren Sie Ihre IT-Abteilung.',
  'notice.title': 'Angemeldet',
  'notice.continue': 'Weiter',
  'code.remember':
    'Auf diesem Gerät {days, plural, one {# Tag} other {# Tage}} lang nicht mehr fragen',
  'proofup.graceLeft':
    '{days, plural, one {Sie können die Registrierung noch # Tag aufschieben.} other {Sie können die Registrierung noch # Tage aufschieben.}}',
  'proofup.postpone': 'Nicht jetzt',

  'method.PhoneAppOTP.label': 'Authenticator-App',
  'method.PhoneAppOTP.description':
    'Verwenden Sie einen Code aus einer Authenticator-App auf Ihrem Telefon.',
  'method.OneWaySMS.label': 'SMS',
  'method.OneWaySMS.description': 'Erhalten Sie einen Code per SMS auf Ihrem Mobiltelefon.',
  'method.TwoWayVoiceMobile.label': 'Anruf',
  'method.TwoWayVoiceMobile.description':
    'Nehmen Sie einen Anruf auf Ihrem Mobiltelefon entgegen und drücken Sie #.',
  'method.TwoWayVoiceAlternateMobile.label': 'Anruf auf alternativem Telefon',
  'method.TwoWayVoiceAlternateMobile.description':
    'Nehmen Sie einen Anruf auf einem anderen Mobiltelefon entgegen und drücken Sie #.',
  'method.TwoWayVoiceOffice.label': 'Anruf auf Bürotelefon',
  'method.TwoWayVoiceOffice.description':
    'Nehmen Sie einen Anruf auf Ihrem Bürotelefon entgegen und drücken Sie #.',

  // RecoveryCode
  'method.RecoveryCode.label': 'Wiederherstellungscodes',
  'method.RecoveryCode.description':
    'Verwenden Sie einen von zehn gespeicherten Einmalcodes, wenn Sie Ihre anderen Methoden nicht verwenden können.',
  'recovery.intro':
    'Bewahren Sie diese Wiederherstellungscodes sicher auf, zum Beispiel in einem Passwort-Manager oder ausgedruckt. Mit jedem Code können Sie sich einmal anmelden, wenn Sie Ihre anderen Methoden nicht verwenden können. Die Codes werden nicht noch einmal angezeigt.',
  'recovery.replaces':
    'Ihre bisherigen Wiederherstellungscodes funktionieren nicht mehr, sobald Sie diese speichern.',
  'recovery.listLabel': 'Ihre Wiederherstellungscodes',
  'recovery.download': 'Als Textdatei herunterladen',
  'recovery.saved': 'Ich habe diese Codes gespeichert',
  'recovery.confirm':
    'Speichern Sie Ihre Wiederherstellungscodes und bestätigen Sie dann, dass Sie sie gespeichert haben.',
  'recovery.fileTitle': '{issuer}-Wiederherstellungscodes für {upn} (erstellt am {date})',
  'recovery.fileNote':
    'Jeder Code kann nur einmal verwendet werden. Bewahren Sie diese Datei sicher auf.',
  'recovery.enterCode':
    'Geben Sie einen Ihrer Wiederherstellungscodes ein. Jeder Code funktioniert nur einmal.',
  'recovery.label': 'Wiederherstellungscode',
  'recovery.left':
    '{count, plural, =0 {Sie haben keine Wiederherstellungscodes mehr. Erstellen Sie neue in Ihren Sicherheitsinformationen.} one {Sie haben noch # Wiederherstellungscode.} other {Sie haben noch # Wiederherstellungscodes.}}',

  'method.Passkey.label': 'Passkey',
  'method.Passkey.description':
    'Verwenden Sie einen Passkey: die Entsperrung Ihres Geräts oder einen Sicherheitsschlüssel.',
  'passkey.intro':
    'Erstellen Sie einen Passkey auf diesem Gerät oder auf einem Sicherheitsschlüssel. Ihr Browser fragt Sie nach einer Bestätigung.',
  'passkey.name': 'Name des Passkeys',
  'passkey.create': 'Passkey erstellen',
  'passkey.attestation.missing':
    'Dieser Passkey hat Hersteller und Modell nicht nachgewiesen, und Ihre Organisation akzeptiert nur Passkeys, die das tun. Verwenden Sie einen von Ihrer Organisation zugelassenen Sicherheitsschlüssel oder wählen Sie eine andere Methode.',
  'passkey.attestation.untrusted':
    'Ihre Organisation vertraut dem Hersteller dieses Passkeys nicht. Verwenden Sie einen von Ihrer Organisation zugelassenen Sicherheitsschlüssel oder wählen Sie eine andere Methode.',
  'passkey.modelNotAllowed':
    'Ihre Organisation lässt diesen Hersteller oder dieses Modell von Passkey nicht zu. Verwenden Sie einen anderen Sicherheitsschlüssel oder ein anderes Gerät, oder wählen Sie eine andere Methode.',
  'passkey.notCreated':
    'Es wurde kein Passkey erstellt. Versuchen Sie es erneut oder wählen Sie eine andere Methode.',
  'passkey.verifyIntro':
    'Bestätigen Sie mit Ihrem Passkey, dass Sie es sind. Ihr Browser fragt Sie nach einer Bestätigung.',
  'passkey.use': 'Passkey verwenden',
  'passkey.notUsed':
    'Der Passkey wurde nicht verwendet. Versuchen Sie es erneut oder wählen Sie eine andere Überprüfungsoption.',
  'passkey.needsScript':
    'Passkeys benötigen JavaScript. Aktivieren Sie es oder wählen Sie eine andere Methode.',
  'passkey.signin': 'Mit einem Passkey anmelden',
  'passkey.signinFailed':
    'Der Passkey wurde nicht verwendet. Versuchen Sie es erneut, oder melden Sie sich mit Ihrem Kennwort an.',

  'method.PhoneAppNotification.label': 'Portcullis Authenticator',
  'method.PhoneAppNotification.description':
    'Eine Benachrichtigung in der App Portcullis Authenticator genehmigen.',
  'push.scan':
    'Öffnen Sie den Portcullis Authenticator auf Ihrem Telefon und scannen Sie diesen QR-Code, oder öffnen Sie den Link auf dem Gerät, das Sie verwenden werden.',
  'push.qrLabel': 'QR-Code zum Aktivieren des Portcullis Authenticator',
  'push.orOpen': 'Oder öffnen Sie diese Adresse auf Ihrem Telefon:',
  'push.codeIntro': 'und geben Sie den Aktivierungscode ein:',
  'push.continue': 'Weiter',
  'push.waitingDevice': 'Warten auf die Aktivierung der App…',
  'push.activationExpired':
    'Der Aktivierungscode ist nicht mehr gültig. Beginnen Sie erneut, um einen neuen zu erhalten.',
  'push.approve':
    'Öffnen Sie den Portcullis Authenticator und geben Sie diese Zahl ein, um die Anmeldung zu genehmigen:',
  'push.waiting': 'Warten auf Ihre Genehmigung in der App…',
  'push.notWaiting': 'In Ihrer App wartet keine Anfrage.',
  'push.again': 'Neue Anfrage senden',
  'push.noAnswer': 'Die Anfrage wurde nicht rechtzeitig beantwortet.',
  'push.wrongNumber': 'Die in der App eingegebene Zahl stimmte nicht. Die Anfrage wurde abgelehnt.',
  'push.denied': 'Die Anfrage wurde in der App abgelehnt.',
  'push.paused':
    'Benachrichtigungen an Ihre App sind nach mehreren abgelehnten oder unbeantworteten Anfragen pausiert. Wählen Sie eine andere Überprüfungsmethode.',
  'push.busy':
    'Eine andere Anmeldung wartet bereits auf Genehmigung in Ihrer App. Beantworten Sie sie oder warten Sie, und versuchen Sie es dann erneut.',
  'push.useCode': 'Stattdessen einen Code aus der App eingeben',
  'push.enableNotifications': 'Benachrichtigungen einschalten',
  'authenticator.title': 'Portcullis Authenticator',
  'authenticator.intro':
    'Geben Sie den auf der Anmeldeseite angezeigten Aktivierungscode ein oder scannen Sie den QR-Code.',
  'authenticator.code': 'Aktivierungscode',
  'authenticator.activate': 'Aktivieren',
  'authenticator.activated':
    'Diese App ist für {upn} eingerichtet. Anmeldeanfragen erscheinen hier.',
  'authenticator.failed':
    'Die Aktivierung ist fehlgeschlagen. Prüfen Sie den Code und versuchen Sie es erneut.',
  'authenticator.idle': 'Keine Anmeldeanfrage wartet.',
  'authenticator.request':
    'Melden Sie sich gerade bei {application} als {upn} an? Von {address} um {time}.',
  'authenticator.number': 'Auf der Anmeldeseite angezeigte Zahl',
  'authenticator.approveButton': 'Genehmigen',
  'authenticator.deny': 'Ablehnen',
  'authenticator.fraud': 'Ablehnen und Betrug melden',
  'authenticator.approved': 'Genehmigt.',
  'authenticator.refused': 'Die Anfrage wurde abgelehnt.',
  'authenticator.codeFor': 'Code für {upn}',
  'authenticator.codeExpires': 'Neuer Code in {seconds} s',
  'place.privateNetwork': 'Privates Netzwerk',

  'totp.scan':
    'Scannen Sie diesen QR-Code mit Ihrer Authenticator-App und geben Sie dann den angezeigten 6-stelligen Code ein.',
  'totp.qrLabel': 'QR-Code für Ihre Authenticator-App',
  'totp.cantScan': 'Sie können den QR-Code nicht scannen?',
  'totp.secretIntro':
    'Geben Sie diesen geheimen Schlüssel in Ihrer App ein (zeitbasiert, 6 Ziffern, alle 30 Sekunden):',
  'totp.uriIntro': 'Oder verwenden Sie diese Adresse:',
  'totp.enterCode': 'Geben Sie den Code ein, der in Ihrer Authenticator-App angezeigt wird.',

  'phone.country': 'Land oder Region',
  'phone.number': 'Telefonnummer',
  'phone.extension': 'Durchwahl (optional)',
  'phone.invalid':
    'Das scheint keine gültige Telefonnummer zu sein. Überprüfen Sie das Land und die Nummer.',
  'phone.how': 'Wie sollen wir dieses Telefon überprüfen?',
  'phone.textMe': 'Code per SMS an mich senden',
  'phone.callMe': 'Mich anrufen',
  'phone.intro': 'Welche Telefonnummer möchten Sie verwenden?',
  'phone.fromDirectory': 'Meine Mobilnummer {number} aus dem Verzeichnis Ihrer Organisation',
  'phone.otherNumber': 'Eine andere Nummer:',
  'sms.sent':
    'Wir haben eine SMS mit einem Code an {number} gesendet. Geben Sie den Code unten ein.',
  'sms.resend': 'Neuen Code senden',
  'sms.notMe': 'Das war ich nicht',
  'sms.text':
    '{code} ist Ihr Bestätigungscode für {issuer}. Er läuft in {minutes, plural, one {# Minute} other {# Minuten}} ab.',
  'call.calling':
    'Wir rufen {number} an. Nehmen Sie den Anruf entgegen und drücken Sie #, um fortzufahren.',
  'call.continue': 'Weiter',
  'call.waiting': 'Es wird gewartet, bis Sie den Anruf annehmen…',
  'call.again': 'Erneut anrufen',
  'call.noAnswer':
    'Der Anruf wurde nicht rechtzeitig angenommen. Fordern Sie einen neuen Anruf an oder verwenden Sie eine andere Option.',
  'call.declined':
    'Der Anruf wurde ohne Bestätigung beendet. Fordern Sie einen neuen Anruf an oder verwenden Sie eine andere Option.',
  'radius.totp': 'Geben Sie den Code aus Ihrer Authenticator-App ein:',
  'radius.sms': 'Geben Sie den Code ein, den wir an {number} gesendet haben:',
  'radius.recovery': 'Geben Sie einen Ihrer Wiederherstellungscodes ein:',
  'radius.push':
    'Genehmigen Sie die Anmeldung in Portcullis Authenticator: Wählen Sie {number}. Drücken Sie dann die Eingabetaste.',
  'call.prompt':
    'Hallo, hier ist {issuer}. Jemand meldet sich gerade bei Ihrem Konto an. Drücken Sie zum Bestätigen die Rautetaste. Wenn Sie nicht versucht haben, sich anzumelden, drücken Sie die Null und dann die Rautetaste, um einen Betrug zu melden.',
  'call.approved': 'Vielen Dank. Ihre Anmeldung wurde bestätigt. Auf Wiederhören.',
  'call.fraudRecorded': 'Vielen Dank. Ihre Betrugsmeldung wurde erfasst. Auf Wiederhören.',

  'fraud.title': 'Betrug melden',
  'fraud.question':
    'Haben Sie einen Code erhalten, den Sie nicht angefordert haben? Wenn Sie nicht versucht haben, sich anzumelden, melden Sie es: Ihr Konto wird geschützt und Ihr Administrator benachrichtigt.',
  'fraud.submit': 'Betrug melden',
  'fraud.cancel': 'Zurück',
  'fraud.done':
    'Vielen Dank. Ihre Meldung wurde erfasst. Ihr Konto ist geschützt, bis ein Administrator die Meldung überprüft hat.',

  'apppw.title': 'App-Kennwörter',

  'apppw.intro':
    'Programme, die Ihre Identität nicht auf eine zweite Art überprüfen können, z. B. manche E-Mail-Clients, melden sich mit einem App-Kennwort statt mit Ihrem Kennwort an. Erstellen Sie für jedes Programm ein eigenes App-Kennwort.',

  'apppw.name': 'Name',

  'apppw.namePlaceholder': 'z. B. E-Mail auf meinem Laptop',

  'apppw.scope': 'Nur für diese Anwendungen (optional)',

  'apppw.anyApp': 'Alle Anwendungen',

  'apppw.expiry': 'Läuft ab',

  'apppw.never': 'Nie',

  'apppw.inDays': '{days, plural, one {In # Tag} other {In # Tagen}}',

  'apppw.create': 'App-Kennwort erstellen',

  'apppw.createdTitle': 'Ihr neues App-Kennwort',

  'apppw.showOnce':
    'Kopieren Sie es jetzt und geben Sie es in Ihrem Programm anstelle Ihres Kennworts ein. Es wird nicht noch einmal angezeigt.',

  'apppw.copy': 'Kopieren',

  'apppw.empty': 'Sie haben keine App-Kennwörter.',

  'apppw.colName': 'Name',

  'apppw.colScope': 'Anwendungen',

  'apppw.colCreated': 'Erstellt',

  'apppw.colLastUsed': 'Zuletzt verwendet',

  'apppw.colExpires': 'Läuft ab',

  'apppw.neverUsed': 'Nie verwendet',

  'apppw.usedFrom': '{time} von {address}',

  'apppw.delete': 'Löschen',

  'apppw.deleted': 'Das App-Kennwort wurde gelöscht.',

  'apppw.disabled': 'Ihre Organisation lässt keine App-Kennwörter zu.',

  'apppw.nameRequired': 'Geben Sie einen Namen für das App-Kennwort ein.',

  'apppw.tooMany':
    '{max, plural, one {Sie haben # App-Kennwort und damit die maximal zulässige Anzahl erreicht. Löschen Sie es zuerst.} other {Sie haben # App-Kennwörter und damit die maximal zulässige Anzahl erreicht. Löschen Sie zuerst eines davon.}}',

  'apppw.back': 'Zurück zu meinem Konto',

  'proofup.appPasswordsTitle': 'App-Kennwörter',

  'proofup.appPasswordsBody':
    'Ab sofort funktioniert Ihr Kennwort nur noch in Webbrowsern. E-Mail-Clients und andere Programme, die Ihre Identität nicht überprüfen können, benötigen stattdessen ein App-Kennwort.',

  'proofup.done': 'Fertig',

  'account.admin': 'Verwaltungsportal',
  'account.appPasswords': 'App-Kennwörter',
  'account.securityInfo': 'Sicherheitsinformationen',
  'security.title': 'Sicherheitsinformationen',
  'security.intro': 'Wie Sie sich anmelden und nachweisen, dass Sie es sind.',
  'security.methods': 'Anmeldemethoden',
  'security.method': 'Methode',
  'security.detail': 'Details',
  'security.added': 'Hinzugefügt',
  'security.lastUsed': 'Zuletzt verwendet',
  'security.actions': 'Aktionen',
  'security.isDefault': 'Standard',
  'security.makeDefault': 'Als Standard festlegen',
  'security.delete': 'Löschen',
  'security.none': 'Sie haben noch keine Überprüfungsmethode.',
  'security.addChoose': 'Hinzuzufügende Methode',
  'security.add': 'Methode hinzufügen',
  'security.addTitle': '{method} hinzufügen',
  'security.deleteTitle': '{method} löschen?',
  'security.deleteBody': 'Sie können {method} dann nicht mehr zur Anmeldung verwenden.',
  'security.cancel': 'Abbrechen',
  'security.lastMethod':
    'Dies ist Ihre einzige Überprüfungsmethode, und Ihr Konto erfordert die mehrstufige Authentifizierung: Fügen Sie zuerst eine weitere Methode hinzu.',
  'security.onlyBackupsLeft':
    'Sie können Ihre letzte Methode, die für sich allein funktioniert, nicht löschen: Übrig bliebe nur die Methode „{methods}“, die lediglich eine andere Methode absichert. Fügen Sie zuerst eine weitere Methode hinzu oder löschen Sie „{methods}“.',
  'security.backupNotDefault':
    'Diese Methode sichert nur eine andere ab: Sie kann nicht die Standardmethode sein.',
  'security.password': 'Kennwort',
  'security.changePassword': 'Kennwort ändern',
  'security.appPasswords': 'App-Kennwörter',
  'security.appPasswordCount':
    '{n, plural, =0 {Keine App-Kennwörter.} one {# App-Kennwort.} other {# App-Kennwörter.}}',
  'security.manage': 'Verwalten',
  'security.devices': 'Gespeicherte Geräte',
  'security.deviceCount':
    '{n, plural, =0 {Kein Gerät überspringt den zweiten Schritt.} one {# Gerät überspringt den zweiten Schritt.} other {# Geräte überspringen den zweiten Schritt.}}',
  'security.forgetAll': 'Alle vergessen',
  'security.recent': 'Letzte Anmeldungen',
  'security.when': 'Wann',
  'security.application': 'Anwendung',
  'security.address': 'Adresse',
  'security.result': 'Ergebnis',
  'security.result.success': 'Erfolgreich',
  'security.result.failure': 'Fehlgeschlagen',
  'security.result.interrupted': 'Abgebrochen',
  'security.done.added': 'Die Methode wurde hinzugefügt.',
  'security.done.deleted': 'Die Methode wurde gelöscht.',
  'security.done.default': 'Ihre Standardmethode wurde geändert.',
  'security.done.forgotten':
    'Ihre gespeicherten Geräte wurden vergessen: Jedes fragt wieder nach dem zweiten Schritt.',
  'security.back': 'Zurück zu meinem Konto',

  'admin.outbox.title': 'SMS und Anrufe werden nicht zugestellt',
  'admin.outbox.body':
    'Es ist kein Telefonieanbieter eingerichtet (PORTCULLIS_TELEPHONY=outbox). SMS und Anrufe der unten markierten Methoden bleiben im Postausgang dieses Servers und erreichen kein Telefon: Wer eine dieser Methoden wählt, kann sich damit nicht anmelden. Auf dem Server lassen sie sich mit portcullis outbox lesen.',
  'admin.outbox.simulatorOn':
    'Der Telefonsimulator ist eingeschaltet: Er zeigt sie unter /_dev/phone, auf diesem Rechner und für Administratoren.',
  'admin.outbox.simulatorOff':
    'Zum Ausprobieren zeigt der Telefonsimulator sie unter /_dev/phone, wenn PORTCULLIS_PHONE_SIMULATOR=true gesetzt ist (nur auf diesem Rechner und für Administratoren).',
  'admin.outbox.configure':
    'Damit sie zugestellt werden, setzen Sie PORTCULLIS_TELEPHONY=webhook mit PORTCULLIS_WEBHOOK_URL und PORTCULLIS_WEBHOOK_SECRET (Ihr eigenes SMS- und Sprach-Gateway erhält signiertes JSON) oder PORTCULLIS_TELEPHONY=twilio mit PORTCULLIS_TWILIO_ACCOUNT_SID, PORTCULLIS_TWILIO_AUTH_TOKEN und PORTCULLIS_TWILIO_FROM, und starten Sie Portcullis neu (siehe docs/configuration.md). Bis dahin lassen Sie diese Methoden abgewählt.',
  'admin.outbox.tag': 'nicht zugestellt',

  'error.title': 'Das hat nicht funktioniert',
  'error.serverTitle': 'Ein Fehler ist aufgetreten',
  'error.notFoundTitle': 'Seite nicht gefunden',
  'error.notFound': 'Unter dieser Adresse gibt es keine Seite.',
  'error.backToSignin': 'Zur Anmeldeseite',
  'error.invalid_credentials': 'Ihr Konto oder Kennwort ist falsch.',
  'error.invalid_code': 'Dieser Code ist nicht korrekt. Versuchen Sie es erneut.',
  'error.code_expired':
    'Dieser Code ist abgelaufen. Geben Sie den zuletzt gesendeten Code ein oder lassen Sie sich einen neuen senden.',
  'error.too_many_attempts':
    'Zu viele Versuche. Warten Sie einen Moment und versuchen Sie es dann erneut.',
  'error.too_many_passwords':
    'Zu viele fehlgeschlagene Anmeldungen. Versuchen Sie es in {seconds, plural, one {# Sekunde} other {# Sekunden}} erneut.',
  'error.too_many_codes':
    'Zu viele falsche Codes. Versuchen Sie es in {seconds, plural, one {# Sekunde} other {# Sekunden}} erneut.',
  'error.attempt_ended': 'Zu viele falsche Codes. Melden Sie sich erneut an.',
  'error.too_many_at_once': 'Zu viele Codes auf einmal. Versuchen Sie es gleich noch einmal.',
  'error.codes_locked':
    'Zu viele falsche Codes: Die Überprüfung ist für dieses Konto gesperrt. Bitten Sie Ihren Administrator, es zu entsperren.',
  'error.signin_locked':
    'Zu viele fehlgeschlagene Anmeldungen: Die Anmeldung ist für dieses Konto gesperrt. Bitten Sie Ihren Administrator, es zu entsperren.',
  'error.signin_expired':
    'Ihr Anmeldeversuch ist abgelaufen oder wurde beendet. Melden Sie sich erneut an.',
  'error.csrf_failed':
    'Dieses Formular ist abgelaufen oder wurde nicht von dieser Website gesendet. Laden Sie die Seite neu und versuchen Sie es erneut.',
  'error.rate_limited':
    'Es wurden zu viele Nachrichten oder Anrufe gesendet. Versuchen Sie es in {minutes, plural, one {# Minute} other {# Minuten}} erneut.',
  'error.delivery_failed':
    'Ihr Telefon war gerade nicht erreichbar. Versuchen Sie es gleich noch einmal oder verwenden Sie eine andere Option.',
  'error.service_unavailable':
    'Der Dienst ist vorübergehend nicht verfügbar. Versuchen Sie es in Kürze erneut.',
  'error.signin_unavailable':
    'Die Anmeldung ist vorübergehend nicht möglich. Versuchen Sie es in einigen Minuten erneut.',
  'error.managed_by_directory':
    'Dies wird im Verzeichnis Ihrer Organisation verwaltet: Ändern Sie es dort.',
  'error.busy': 'Gerade melden sich zu viele an. Versuchen Sie es in einer Sekunde erneut.',
  'error.internal_error': 'Bei uns ist ein Fehler aufgetreten.',

  'mail.greeting': 'Hallo {name},',
  'mail.footer':
    'Wenn Sie diese Nachricht nicht erwartet haben, wenden Sie sich an Ihren Administrator.\n— {issuer}',
  'mail.invitation.subject': 'Richten Sie Ihr Konto bei {issuer} ein',
  'mail.invitation.body':
    'Für Sie wurde ein Konto angelegt: {upn}.\n\nÖffnen Sie diesen Link, um Ihr Kennwort zu wählen und festzulegen, wie Sie bei der Anmeldung nachweisen, dass Sie es sind:\n{link}\n\nDer Link funktioniert einmal und läuft in {days, plural, one {# Tag} other {# Tagen}} ab.',
  'mail.methodAdded.subject': 'Ihrem Konto wurde eine Überprüfungsmethode hinzugefügt',
  'mail.methodAdded.body':
    '{method} wurde als Methode zur Überprüfung Ihrer Anmeldungen bei {upn} hinzugefügt.\n\nWenn Sie das nicht waren, informieren Sie sofort Ihren Administrator: Jemand anderes könnte sich als Sie anmelden.',
  'mail.methodRemoved.subject': 'Aus Ihrem Konto wurde eine Überprüfungsmethode entfernt',
  'mail.methodRemoved.body':
    '{method} wurde aus den Methoden zur Überprüfung Ihrer Anmeldungen bei {upn} entfernt.\n\nWenn Sie das nicht waren, informieren Sie sofort Ihren Administrator.',
  'mail.appPassword.subject': 'Für Ihr Konto wurde ein App-Kennwort erstellt',
  'mail.appPassword.body':
    'Für {upn} wurde ein App-Kennwort namens „{name}“ erstellt. Programme, die keine mehrstufige Authentifizierung beherrschen, melden sich damit an.\n\nWenn Sie das nicht waren, löschen Sie es auf Ihrer Kontoseite und informieren Sie Ihren Administrator.',
  'mail.passwordChanged.subject': 'Ihr Kennwort wurde geändert',
  'mail.passwordChanged.body':
    'Das Kennwort von {upn} wurde geändert.\n\nWenn Sie das nicht waren, informieren Sie sofort Ihren Administrator.',
  'invite.title': 'Konto einrichten',
  'invite.intro':
    'Wählen Sie ein Kennwort für {upn}. Danach legen Sie fest, wie Sie bei der Anmeldung nachweisen, dass Sie es sind.',
  'invite.submit': 'Kennwort festlegen und weiter',
  'invite.expired':
    'Dieser Einladungslink ist abgelaufen oder wurde bereits verwendet. Bitten Sie Ihren Administrator um einen neuen.',
  'signout.confirm': 'Sie sind als {upn} angemeldet. Von {issuer} abmelden?',
  'device.title': 'Auf einem anderen Gerät anmelden',
  'device.intro': 'Geben Sie den Code ein, den Ihr Gerät oder Ihre Anwendung anzeigt.',
  'device.code': 'Code',
  'device.next': 'Weiter',
  'device.noCode': 'Geben Sie den Code ein, der auf Ihrem Gerät angezeigt wird.',
  'device.wrongCode':
    'Dieser Code ist nicht richtig. Prüfen Sie den Code auf Ihrem Gerät und versuchen Sie es erneut.',
  'device.expired':
    'Dieser Code ist abgelaufen. Beginnen Sie auf Ihrem Gerät neu, um einen neuen zu erhalten.',
  'device.used':
    'Dieser Code wurde bereits verwendet. Beginnen Sie auf Ihrem Gerät neu, um einen neuen zu erhalten.',
  'device.cancelled':
    'Sie haben die Anmeldung abgebrochen. Ihr Gerät wurde nicht angemeldet; Sie können dieses Fenster schließen.',
  'device.failed': 'Die Anmeldung konnte nicht abgeschlossen werden.',
  'device.tooMany':
    'Zu viele falsche Codes aus Ihrem Netzwerk. Warten Sie kurz und versuchen Sie es dann erneut.',
  'device.again': 'Code erneut eingeben',
  'device.confirmTitle': 'Bei {app} anmelden?',
  'device.confirmAsking': '{app} möchte Sie auf einem Gerät anmelden.',
  'device.confirmCheck': 'Prüfen Sie, ob Ihr Gerät diesen Code anzeigt:',
  'device.confirmFrom': 'Die Anfrage kam von {ip}.',
  'device.confirmWarning':
    'Fahren Sie nur fort, wenn Sie dies selbst begonnen haben, auf einem Gerät, das Sie bei sich haben. Wenn Ihnen jemand diesen Code geschickt hat, brechen Sie ab.',
  'device.continue': 'Weiter',
  'device.cancel': 'Abbrechen',
  'device.doneTitle': 'Sie sind angemeldet',
  'device.done': '{app} ist auf Ihrem Gerät jetzt angemeldet. Sie können dieses Fenster schließen.',
} satisfies Catalog;
