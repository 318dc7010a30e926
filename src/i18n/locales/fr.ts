import type { Catalog } from '../index.ts';
import admin from './admin/fr.ts';

// French (fr). Keys and {placeholders} exactly as in en.ts.
export default {
  ...admin,
  'layout.title': '{title} · {brand}',
  'layout.helpLink': 'Obtenir de l’aide',
  'layout.stale':
    'Cette page n’était plus à jour, rien n’a donc été envoyé. Voici la page actuelle : réessayez si nécessaire.',

  'signin.title': 'Se connecter',
  'signin.username': 'Nom d’utilisateur',
  'signin.usernamePlaceholder': 'nom@example.com',
  'signin.password': 'Mot de passe',
  'signin.submit': 'Se connecter',
  'signin.usePass': 'Se connecter avec un passe d’accès temporaire',
  'signin.passTitle': 'Se connecter avec un passe d’accès temporaire',
  'signin.passIntro':
    'Votre administrateur vous a donné un passe d’accès temporaire : saisissez-le à la place de votre mot de passe. Vous pourrez ensuite configurer vos méthodes de vérification.',
  'signin.passLabel': 'Passe d’accès temporaire',
  'signin.withPassword': 'Se connecter plutôt avec votre mot de passe',
  'signin.differentUser': 'Se connecter en tant qu’autre utilisateur',

  'account.title': 'Mon compte',
  'account.signedInAs': 'Connecté en tant que {name} ({upn})',
  'account.mfa': 'Authentification multifacteur',
  'account.methods': 'Méthodes de vérification',
  'account.noMethods': 'Aucune méthode inscrite',
  'account.signOut': 'Se déconnecter',

  'mfaState.Disabled': 'Désactivé',
  'mfaState.Enabled': 'Activé',
  'mfaState.Enforced': 'Appliqué',

  'campaign.title': 'Sécurisez vos connexions',
  'campaign.intro':
    'Vous vous êtes connecté par SMS ou par appel. Configurez Portcullis Authenticator ou une clé d’accès : c’est plus rapide, et cela ne peut pas être intercepté comme les SMS et les appels.',
  'campaign.askedAgain':
    '{days, plural, =0 {Cela vous sera redemandé à votre prochaine connexion.} one {Cela vous sera redemandé dans # jour.} other {Cela vous sera redemandé dans # jours.}}',
  'campaign.snoozesLeft':
    '{count, plural, one {Vous pouvez encore reporter # fois.} other {Vous pouvez encore reporter # fois.}}',
  'campaign.mustSetUp':
    'Vous avez reporté autant de fois que votre organisation le permet : configurez-en une maintenant pour continuer.',
  'proofup.title': 'Plus d’informations requises',
  'proofup.intro':
    'Votre organisation a besoin de plus d’informations pour sécuriser votre compte. Choisissez comment vous souhaitez confirmer votre identité.',
  'proofup.legend': 'Méthode de vérification',
  'proofup.next': 'Suivant',
  'proofup.chooseAnother': 'Choisir une autre méthode',
  'password.title': 'Choisissez un nouveau mot de passe',
  'password.intro':
    'Votre administrateur a réinitialisé votre mot de passe. Choisissez-en un nouveau pour continuer ; le mot de passe à usage unique cessera de fonctionner.',
  'password.introRisk':
    "Un appel, un SMS ou une notification que vous n'aviez pas demandé a été signalé : quelqu'un d'autre connaît peut-être votre mot de passe. Choisissez-en un nouveau pour continuer.",
  'password.new': 'Nouveau mot de passe (8 caractères au moins)',
  'password.confirm': 'Confirmez le nouveau mot de passe',
  'password.submit': 'Changer le mot de passe',
  'password.mismatch': 'Les deux mots de passe ne sont pas identiques.',
  'password.same': 'Choisissez un mot de passe différent du mot de passe à usage unique.',
  'password.length':
    '{max, plural, one {Un mot de passe doit compter de {min} à # caractère.} other {Un mot de passe doit compter de {min} à # caractères.}}',
  'password.common':
    'Ce mot de passe est trop courant : il figure sur une liste de mots de passe que les attaquants essaient en premier. Choisissez-en un autre.',
  'password.changeTitle': 'Changer votre mot de passe',
  'password.changeIntro':
    'Saisissez votre mot de passe actuel, puis le nouveau. Le mieux est un mot de passe long et facile à retenir, par exemple quelques mots sans rapport entre eux. Ce changement vous déconnecte partout ailleurs, et les appareils mémorisés devront de nouveau être vérifiés.',
  'password.current': 'Mot de passe actuel',
  'password.currentWrong': 'Le mot de passe actuel n’est pas le bon.',
  'password.reuse': 'Choisissez un mot de passe différent de l’actuel.',
  'password.tooMany':
    'Trop de mots de passe erronés. Réessayez dans {seconds, plural, one {# seconde} other {# secondes}}.',
  'password.changed': 'Votre mot de passe a été changé. Vous avez été déconnecté partout ailleurs.',
  'password.appPasswordsDeleted':
    'Votre organisation supprime les mots de passe d’application quand le mot de passe change : créez-en de nouveaux là où vous en avez besoin.',
  'password.back': 'Retour à mon compte',
  'enrol.title': 'Configurer : {method}',

  'verify.title': 'Vérifier votre identité',
  'verify.otherOptions': 'Utiliser une autre option de vérification',
  'verify.lostTitle': 'Vous ne pouvez pas utiliser cette méthode ?',
  'verify.lostWithRecovery':
    'Si vous avez perdu votre téléphone ou ne pouvez pas l’utiliser, choisissez « Utiliser une autre option de vérification » et connectez-vous avec l’un de vos codes de récupération, puis enregistrez votre nouveau téléphone dans Informations de sécurité.',
  'verify.lostNoRecovery':
    'Si vous avez perdu votre téléphone ou ne pouvez pas l’utiliser, contactez votre administrateur : il peut réinitialiser vos méthodes de vérification pour que vous en enregistriez de nouvelles.',
  'noMethod.title': 'Vous ne pouvez pas vous connecter pour le moment',
  'noMethod.body':
    'Votre compte nécessite une seconde méthode de vérification, mais aucune des méthodes autorisées par votre organisation ne peut être utilisée. Contactez votre administrateur.',

  'code.label': 'Code',
  'code.verify': 'Vérifier',
  'notify.methodAdded':
    '{issuer} : {method} a été ajouté aux méthodes de connexion de {upn}. Si ce n’était pas vous, prévenez votre service informatique.',
  'notify.methodRemoved':
    '{issuer} : {method} a été retiré des méthodes de connexion de {upn}. Si ce n’était pas vous, prévenez votre service informatique.',
  'notice.title': 'Connecté',
  'notice.continue': 'Continuer',
  'code.remember':
    'Ne plus demander sur cet appareil pendant {days, plural, one {# jour} other {# jours}}',
  'proofup.graceLeft':
    "{days, plural, one {Vous pouvez encore reporter l'inscription de # jour.} other {Vous pouvez encore reporter l'inscription de # jours.}}",
  'proofup.postpone': 'Pas maintenant',

  'method.PhoneAppOTP.label': 'Application d’authentification',
  'method.PhoneAppOTP.description':
    'Utilisez un code fourni par une application d’authentification sur votre téléphone.',
  'method.OneWaySMS.label': 'SMS',
  'method.OneWaySMS.description': 'Recevez un code par SMS sur votre téléphone mobile.',
  'method.TwoWayVoiceMobile.label': 'Appel téléphonique',
  'method.TwoWayVoiceMobile.description':
    'Répondez à un appel sur votre téléphone mobile et appuyez sur #.',
  'method.TwoWayVoiceAlternateMobile.label': 'Appel vers un autre téléphone',
  'method.TwoWayVoiceAlternateMobile.description':
    'Répondez à un appel sur un autre téléphone mobile et appuyez sur #.',
  'method.TwoWayVoiceOffice.label': 'Appel sur le téléphone de bureau',
  'method.TwoWayVoiceOffice.description':
    'Répondez à un appel sur votre téléphone de bureau et appuyez sur #.',

  // RecoveryCode
  'method.RecoveryCode.label': 'Codes de récupération',
  'method.RecoveryCode.description':
    'Utilisez l’un des dix codes à usage unique que vous avez enregistrés lorsque vous ne pouvez pas utiliser vos autres méthodes.',
  'recovery.intro':
    'Conservez ces codes de récupération en lieu sûr, par exemple dans un gestionnaire de mots de passe ou sur papier. Chaque code vous permet de vous connecter une fois lorsque vous ne pouvez pas utiliser vos autres méthodes. Ils ne seront plus affichés.',
  'recovery.replaces':
    'Vos anciens codes de récupération cesseront de fonctionner dès que vous aurez enregistré ceux-ci.',
  'recovery.listLabel': 'Vos codes de récupération',
  'recovery.download': 'Télécharger en fichier texte',
  'recovery.saved': 'J’ai enregistré ces codes',
  'recovery.confirm':
    'Enregistrez vos codes de récupération, puis confirmez que vous les avez enregistrés.',
  'recovery.fileTitle': 'Codes de récupération {issuer} pour {upn} (créés le {date})',
  'recovery.fileNote':
    'Chaque code ne peut être utilisé qu’une fois. Conservez ce fichier en lieu sûr.',
  'recovery.enterCode':
    'Saisissez l’un de vos codes de récupération. Chaque code ne fonctionne qu’une fois.',
  'recovery.label': 'Code de récupération',
  'recovery.left':
    '{count, plural, =0 {Il ne vous reste aucun code de récupération. Créez-en de nouveaux dans vos informations de sécurité.} one {Il vous reste # code de récupération.} other {Il vous reste # codes de récupération.}}',

  'method.Passkey.label': 'Clé d’accès',
  'method.Passkey.description':
    'Utilisez une clé d’accès : le déverrouillage de votre appareil ou une clé de sécurité.',
  'passkey.intro':
    'Créez une clé d’accès sur cet appareil ou sur une clé de sécurité. Votre navigateur vous demandera de confirmer.',
  'passkey.name': 'Nom de la clé d’accès',
  'passkey.create': 'Créer une clé d’accès',
  'passkey.attestation.missing':
    "Cette clé d'accès n'a pas prouvé sa marque et son modèle, et votre organisation n'accepte que celles qui le font. Utilisez une clé de sécurité approuvée par votre organisation, ou choisissez une autre méthode.",
  'passkey.attestation.untrusted':
    "Votre organisation ne fait pas confiance au fabricant de cette clé d'accès. Utilisez une clé de sécurité approuvée par votre organisation, ou choisissez une autre méthode.",
  'passkey.modelNotAllowed':
    'Votre organisation n’autorise pas cette marque ou ce modèle de clé d’accès. Utilisez une autre clé de sécurité ou un autre appareil, ou choisissez une autre méthode.',
  'passkey.notCreated':
    'Aucune clé d’accès n’a été créée. Réessayez ou choisissez une autre méthode.',
  'passkey.verifyIntro':
    'Utilisez votre clé d’accès pour confirmer votre identité. Votre navigateur vous demandera de confirmer.',
  'passkey.use': 'Utiliser la clé d’accès',
  'passkey.notUsed':
    'La clé d’accès n’a pas été utilisée. Réessayez ou choisissez une autre option de vérification.',
  'passkey.needsScript':
    'Les clés d’accès nécessitent JavaScript. Activez-le ou choisissez une autre méthode.',
  'passkey.signin': 'Se connecter avec une clé d’accès',
  'passkey.signinFailed':
    'La clé d’accès n’a pas été utilisée. Réessayez ou connectez-vous avec votre mot de passe.',

  'method.PhoneAppNotification.label': 'Portcullis Authenticator',
  'method.PhoneAppNotification.description':
    "Approuver une notification dans l'application Portcullis Authenticator.",
  'push.scan':
    "Ouvrez Portcullis Authenticator sur votre téléphone et scannez ce code QR, ou ouvrez le lien sur l'appareil que vous utiliserez.",
  'push.qrLabel': 'Code QR pour activer Portcullis Authenticator',
  'push.orOpen': 'Ou ouvrez cette adresse sur votre téléphone :',
  'push.codeIntro': "et saisissez le code d'activation :",
  'push.continue': 'Continuer',
  'push.waitingDevice': "En attente de l'activation de l'application…",
  'push.activationExpired':
    "Le code d'activation n'est plus valide. Recommencez pour en obtenir un nouveau.",
  'push.approve':
    'Ouvrez Portcullis Authenticator et saisissez ce nombre pour approuver la connexion :',
  'push.waiting': "En attente de votre approbation dans l'application…",
  'push.notWaiting': "Aucune demande n'attend dans votre application.",
  'push.again': 'Envoyer une nouvelle demande',
  'push.noAnswer': "La demande n'a pas reçu de réponse à temps.",
  'push.wrongNumber':
    "Le nombre saisi dans l'application ne correspondait pas. La demande a été refusée.",
  'push.denied': "La demande a été refusée dans l'application.",
  'push.paused':
    'Les notifications vers votre application sont suspendues après plusieurs demandes refusées ou sans réponse. Choisissez une autre option de vérification.',
  'push.busy':
    'Une autre connexion attend déjà une approbation dans votre application. Répondez-y ou attendez, puis réessayez.',
  'push.useCode': 'Saisir plutôt un code de l’application',
  'push.enableNotifications': 'Activer les notifications',
  'authenticator.title': 'Portcullis Authenticator',
  'authenticator.intro':
    "Saisissez le code d'activation affiché sur la page de connexion, ou scannez son code QR.",
  'authenticator.code': "Code d'activation",
  'authenticator.activate': 'Activer',
  'authenticator.activated':
    'Cette application est configurée pour {upn}. Les demandes de connexion apparaissent ici.',
  'authenticator.failed': "L'activation a échoué. Vérifiez le code et réessayez.",
  'authenticator.idle': "Aucune demande de connexion n'est en attente.",
  'authenticator.request':
    'Essayez-vous de vous connecter à {application} en tant que {upn} ? Depuis {address} à {time}.',
  'authenticator.number': 'Nombre affiché sur la page de connexion',
  'authenticator.approveButton': 'Approuver',
  'authenticator.deny': 'Refuser',
  'authenticator.fraud': 'Refuser et signaler une fraude',
  'authenticator.approved': 'Approuvé.',
  'authenticator.refused': 'La demande a été refusée.',
  'authenticator.codeFor': 'Code pour {upn}',
  'authenticator.codeExpires': 'Nouveau code dans {seconds} s',
  'place.privateNetwork': 'Réseau privé',

  'totp.scan':
    'Scannez ce code QR avec votre application d’authentification, puis entrez le code à 6 chiffres qu’elle affiche.',
  'totp.qrLabel': 'Code QR pour votre application d’authentification',
  'totp.cantScan': 'Vous ne parvenez pas à scanner le code QR ?',
  'totp.secretIntro':
    'Entrez cette clé secrète dans votre application (basée sur le temps, 6 chiffres, toutes les 30 secondes) :',
  'totp.uriIntro': 'Ou utilisez cette adresse :',
  'totp.enterCode': 'Entrez le code affiché dans votre application d’authentification.',

  'phone.country': 'Pays ou région',
  'phone.number': 'Numéro de téléphone',
  'phone.extension': 'Poste (facultatif)',
  'phone.invalid': 'Ce numéro de téléphone ne semble pas valide. Vérifiez le pays et le numéro.',
  'phone.how': 'Comment devons-nous vérifier ce téléphone ?',
  'phone.textMe': 'M’envoyer un code par SMS',
  'phone.callMe': 'M’appeler',
  'phone.intro': 'Quel numéro de téléphone voulez-vous utiliser ?',
  'phone.fromDirectory': 'Mon numéro de mobile {number}, issu de l’annuaire de votre organisation',
  'phone.otherNumber': 'Un autre numéro :',
  'sms.sent': 'Nous avons envoyé un SMS contenant un code au {number}. Entrez le code ci-dessous.',
  'sms.resend': 'Envoyer un nouveau code',
  'sms.notMe': 'Ce n’était pas moi',
  'sms.text':
    '{code} est votre code de vérification {issuer}. Il expire dans {minutes, plural, one {# minute} other {# minutes}}.',
  'call.calling': 'Nous appelons le {number}. Répondez à l’appel et appuyez sur # pour continuer.',
  'call.continue': 'Continuer',
  'call.waiting': 'En attente de votre réponse à l’appel…',
  'call.again': 'Me rappeler',
  'call.noAnswer':
    'L’appel n’a pas été pris à temps. Demandez un nouvel appel ou utilisez une autre option.',
  'call.declined':
    'L’appel s’est terminé sans approbation. Demandez un nouvel appel ou utilisez une autre option.',
  'radius.totp': 'Entrez le code de votre application d’authentification :',
  'radius.sms': 'Entrez le code envoyé par SMS au {number} :',
  'radius.recovery': 'Entrez un de vos codes de récupération :',
  'radius.push':
    'Approuvez la connexion dans Portcullis Authenticator : choisissez {number}. Puis appuyez sur Entrée.',
  'call.prompt':
    'Bonjour, ici {issuer}. Quelqu’un est en train de se connecter à votre compte. Pour approuver, appuyez sur la touche dièse. Si vous n’avez pas essayé de vous connecter, appuyez sur zéro, puis sur la touche dièse, pour signaler une fraude.',
  'call.approved': 'Merci. Votre connexion est approuvée. Au revoir.',
  'call.fraudRecorded': 'Merci. Votre signalement de fraude a été enregistré. Au revoir.',

  'fraud.title': 'Signaler une fraude',
  'fraud.question':
    'Vous avez reçu un code que vous n’avez pas demandé ? Si vous n’avez pas essayé de vous connecter, signalez-le : votre compte sera protégé et votre administrateur sera prévenu.',
  'fraud.submit': 'Signaler une fraude',
  'fraud.cancel': 'Retour',
  'fraud.done':
    'Merci. Votre signalement a été enregistré. Votre compte est protégé jusqu’à ce qu’un administrateur l’examine.',

  'apppw.title': 'Mots de passe d’application',

  'apppw.intro':
    'Les programmes qui ne peuvent pas vérifier votre identité d’une deuxième manière, comme certains clients de messagerie, se connectent avec un mot de passe d’application au lieu de votre mot de passe. Créez-en un pour chaque programme.',

  'apppw.name': 'Nom',

  'apppw.namePlaceholder': 'p. ex. Messagerie sur mon ordinateur portable',

  'apppw.scope': 'Uniquement pour ces applications (facultatif)',

  'apppw.anyApp': 'Toutes les applications',

  'apppw.expiry': 'Expiration',

  'apppw.never': 'Jamais',

  'apppw.inDays': '{days, plural, one {Dans # jour} other {Dans # jours}}',

  'apppw.create': 'Créer un mot de passe d’application',

  'apppw.createdTitle': 'Votre nouveau mot de passe d’application',

  'apppw.showOnce':
    'Copiez-le maintenant et entrez-le dans votre programme à la place de votre mot de passe. Il ne sera plus affiché.',

  'apppw.copy': 'Copier',

  'apppw.empty': 'Vous n’avez aucun mot de passe d’application.',

  'apppw.colName': 'Nom',

  'apppw.colScope': 'Applications',

  'apppw.colCreated': 'Créé le',

  'apppw.colLastUsed': 'Dernière utilisation',

  'apppw.colExpires': 'Expiration',

  'apppw.neverUsed': 'Jamais utilisé',

  'apppw.usedFrom': '{time} depuis {address}',

  'apppw.delete': 'Supprimer',

  'apppw.deleted': 'Le mot de passe d’application a été supprimé.',

  'apppw.disabled': 'Votre organisation n’autorise pas les mots de passe d’application.',

  'apppw.nameRequired': 'Donnez un nom au mot de passe d’application.',

  'apppw.tooMany':
    '{max, plural, one {Vous avez # mot de passe d’application, soit le nombre maximal autorisé. Supprimez-le d’abord.} other {Vous avez # mots de passe d’application, soit le nombre maximal autorisé. Supprimez-en d’abord un.}}',

  'apppw.back': 'Retour à mon compte',

  'proofup.appPasswordsTitle': 'Mots de passe d’application',

  'proofup.appPasswordsBody':
    'Désormais, votre mot de passe ne fonctionne que dans les navigateurs web. Les clients de messagerie et les autres programmes qui ne peuvent pas vérifier votre identité ont besoin d’un mot de passe d’application à la place.',

  'proofup.done': 'Terminé',

  'account.admin': "Portail d'administration",
  'account.appPasswords': 'Mots de passe d’application',
  'account.securityInfo': 'Informations de sécurité',
  'security.title': 'Informations de sécurité',
  'security.intro': 'Comment vous vous connectez et prouvez que c’est bien vous.',
  'security.methods': 'Méthodes de connexion',
  'security.method': 'Méthode',
  'security.detail': 'Détails',
  'security.added': 'Ajoutée',
  'security.lastUsed': 'Dernière utilisation',
  'security.actions': 'Actions',
  'security.isDefault': 'par défaut',
  'security.makeDefault': 'Définir par défaut',
  'security.delete': 'Supprimer',
  'security.none': 'Vous n’avez encore aucune méthode de vérification.',
  'security.addChoose': 'Méthode à ajouter',
  'security.add': 'Ajouter une méthode',
  'security.addTitle': 'Ajouter : {method}',
  'security.deleteTitle': 'Supprimer {method} ?',
  'security.deleteBody': 'Vous ne pourrez plus utiliser {method} pour vous connecter.',
  'security.cancel': 'Annuler',
  'security.lastMethod':
    'C’est votre seule méthode de vérification et votre compte exige l’authentification multifacteur : ajoutez d’abord une autre méthode.',
  'security.onlyBackupsLeft':
    'Vous ne pouvez pas supprimer votre dernière méthode utilisable seule : il ne resterait que la méthode « {methods} », qui sert seulement de secours à une autre méthode. Ajoutez d’abord une autre méthode, ou supprimez « {methods} ».',
  'security.backupNotDefault':
    'Cette méthode sert seulement de secours à une autre : elle ne peut pas être la méthode par défaut.',
  'security.password': 'Mot de passe',
  'security.changePassword': 'Changer le mot de passe',
  'security.appPasswords': 'Mots de passe d’application',
  'security.appPasswordCount':
    '{n, plural, =0 {Aucun mot de passe d’application.} one {# mot de passe d’application.} other {# mots de passe d’application.}}',
  'security.manage': 'Gérer',
  'security.devices': 'Appareils mémorisés',
  'security.deviceCount':
    '{n, plural, =0 {Aucun appareil ne saute la deuxième étape.} one {# appareil saute la deuxième étape.} other {# appareils sautent la deuxième étape.}}',
  'security.forgetAll': 'Tout oublier',
  'security.recent': 'Connexions récentes',
  'security.when': 'Quand',
  'security.application': 'Application',
  'security.address': 'Adresse',
  'security.result': 'Résultat',
  'security.result.success': 'Réussie',
  'security.result.failure': 'Échouée',
  'security.result.interrupted': 'Interrompue',
  'security.done.added': 'La méthode a été ajoutée.',
  'security.done.deleted': 'La méthode a été supprimée.',
  'security.done.default': 'Votre méthode par défaut a été changée.',
  'security.done.forgotten':
    'Vos appareils mémorisés ont été oubliés : chacun demandera de nouveau la deuxième étape.',
  'security.back': 'Retour à mon compte',

  'admin.outbox.title': 'Les SMS et les appels ne sont pas remis',
  'admin.outbox.body':
    'Aucun fournisseur de téléphonie n’est configuré (PORTCULLIS_TELEPHONY=outbox). Les SMS et les appels des méthodes signalées ci-dessous restent dans la boîte d’envoi de ce serveur et n’atteignent aucun téléphone : un utilisateur qui choisit l’une d’elles ne peut pas s’en servir pour se connecter. On peut les lire sur le serveur avec portcullis outbox.',
  'admin.outbox.simulatorOn':
    'Le simulateur de téléphone est activé : il les affiche sur /_dev/phone, pour cette machine et pour les administrateurs.',
  'admin.outbox.simulatorOff':
    'Pour faire des essais, le simulateur de téléphone les affiche sur /_dev/phone si PORTCULLIS_PHONE_SIMULATOR=true est défini (pour cette machine et les administrateurs uniquement).',
  'admin.outbox.configure':
    'Pour qu’ils soient remis, définissez PORTCULLIS_TELEPHONY=webhook avec PORTCULLIS_WEBHOOK_URL et PORTCULLIS_WEBHOOK_SECRET (votre propre passerelle SMS et voix reçoit du JSON signé), ou PORTCULLIS_TELEPHONY=twilio avec PORTCULLIS_TWILIO_ACCOUNT_SID, PORTCULLIS_TWILIO_AUTH_TOKEN et PORTCULLIS_TWILIO_FROM, puis redémarrez Portcullis (voir docs/configuration.md). D’ici là, laissez ces méthodes décochées.',
  'admin.outbox.tag': 'non remis',

  'error.title': 'Cela n’a pas fonctionné',
  'error.serverTitle': 'Un problème est survenu',
  'error.notFoundTitle': 'Page introuvable',
  'error.notFound': 'Il n’y a aucune page à cette adresse.',
  'error.backToSignin': 'Aller à la page de connexion',
  'error.invalid_credentials': 'Votre compte ou votre mot de passe est incorrect.',
  'error.invalid_code': 'Ce code est incorrect. Réessayez.',
  'error.code_expired':
    'Ce code a expiré. Saisissez le dernier code envoyé ou demandez-en un nouveau.',
  'error.too_many_attempts': 'Trop de tentatives. Patientez un peu, puis réessayez.',
  'error.too_many_passwords':
    'Trop d’échecs de connexion. Réessayez dans {seconds, plural, one {# seconde} other {# secondes}}.',
  'error.too_many_codes':
    'Trop de codes incorrects. Réessayez dans {seconds, plural, one {# seconde} other {# secondes}}.',
  'error.attempt_ended': 'Trop de codes incorrects. Veuillez vous reconnecter.',
  'error.too_many_at_once': 'Trop de codes à la fois. Réessayez dans un instant.',
  'error.codes_locked':
    'Trop de codes incorrects : la vérification est verrouillée pour ce compte. Demandez à votre administrateur de le déverrouiller.',
  'error.signin_locked':
    'Trop de connexions échouées : la connexion est verrouillée pour ce compte. Demandez à votre administrateur de le déverrouiller.',
  'error.signin_expired':
    'Votre tentative de connexion a expiré ou a pris fin. Veuillez vous reconnecter.',
  'error.csrf_failed':
    'Ce formulaire a expiré ou n’a pas été envoyé depuis ce site. Actualisez la page et réessayez.',
  'error.rate_limited':
    'Trop de messages ou d’appels ont été envoyés. Réessayez dans {minutes, plural, one {# minute} other {# minutes}}.',
  'error.delivery_failed':
    'Nous n’avons pas pu joindre votre téléphone. Réessayez dans un instant ou utilisez une autre option.',
  'error.service_unavailable': 'Le service est temporairement indisponible. Réessayez sous peu.',
  'error.signin_unavailable':
    'La connexion est temporairement indisponible. Réessayez dans quelques minutes.',
  'error.managed_by_directory':
    'Ceci est géré par l’annuaire de votre organisation : modifiez-le là-bas.',
  'error.busy': 'Trop de connexions en ce moment. Réessayez dans une seconde.',
  'error.internal_error': 'Un problème est survenu de notre côté.',

  'mail.greeting': 'Bonjour {name},',
  'mail.footer': "Si vous n'attendiez pas ce message, prévenez votre administrateur.\n— {issuer}",
  'mail.invitation.subject': 'Configurez votre compte {issuer}',
  'mail.invitation.body':
    'Un compte a été créé pour vous : {upn}.\n\nOuvrez ce lien pour choisir votre mot de passe et configurer la façon dont vous prouvez votre identité à la connexion :\n{link}\n\nLe lien fonctionne une seule fois et expire dans {days, plural, one {# jour} other {# jours}}.',
  'mail.methodAdded.subject': 'Une méthode de vérification a été ajoutée à votre compte',
  'mail.methodAdded.body':
    "{method} a été ajouté aux méthodes de vérification de vos connexions à {upn}.\n\nSi ce n'était pas vous, prévenez immédiatement votre administrateur : quelqu'un d'autre pourrait se connecter à votre place.",
  'mail.methodRemoved.subject': 'Une méthode de vérification a été retirée de votre compte',
  'mail.methodRemoved.body':
    "{method} a été retiré des méthodes de vérification de vos connexions à {upn}.\n\nSi ce n'était pas vous, prévenez immédiatement votre administrateur.",
  'mail.appPassword.subject': "Un mot de passe d'application a été créé pour votre compte",
  'mail.appPassword.body':
    "Un mot de passe d'application nommé « {name} » a été créé pour {upn}. Les programmes qui ne gèrent pas l'authentification multifacteur s'en servent pour se connecter.\n\nSi ce n'était pas vous, supprimez-le sur la page de votre compte et prévenez votre administrateur.",
  'mail.passwordChanged.subject': 'Votre mot de passe a été modifié',
  'mail.passwordChanged.body':
    "Le mot de passe de {upn} a été modifié.\n\nSi ce n'était pas vous, prévenez immédiatement votre administrateur.",
  'invite.title': 'Configurer votre compte',
  'invite.intro':
    'Choisissez un mot de passe pour {upn}. Vous configurerez ensuite la façon dont vous prouvez votre identité à la connexion.',
  'invite.submit': 'Définir le mot de passe et continuer',
  'invite.expired':
    "Ce lien d'invitation a expiré ou a déjà été utilisé. Demandez-en un nouveau à votre administrateur.",
  'signout.confirm': 'Vous êtes connecté en tant que {upn}. Se déconnecter de {issuer} ?',
  'device.title': 'Se connecter sur un autre appareil',
  'device.intro': 'Saisissez le code affiché par votre appareil ou votre application.',
  'device.code': 'Code',
  'device.next': 'Suivant',
  'device.noCode': 'Saisissez le code affiché sur votre appareil.',
  'device.wrongCode':
    'Ce code n’est pas correct. Vérifiez le code sur votre appareil et réessayez.',
  'device.expired': 'Ce code a expiré. Recommencez sur votre appareil pour en obtenir un nouveau.',
  'device.used':
    'Ce code a déjà été utilisé. Recommencez sur votre appareil pour en obtenir un nouveau.',
  'device.cancelled':
    'Vous avez annulé la connexion. Votre appareil n’a pas été connecté ; vous pouvez fermer cette fenêtre.',
  'device.failed': 'La connexion n’a pas pu aboutir.',
  'device.tooMany': 'Trop de codes erronés depuis votre réseau. Patientez un peu, puis réessayez.',
  'device.again': 'Saisir le code à nouveau',
  'device.confirmTitle': 'Se connecter à {app} ?',
  'device.confirmAsking': '{app} demande à vous connecter sur un appareil.',
  'device.confirmCheck': 'Vérifiez que votre appareil affiche ce code :',
  'device.confirmFrom': 'La demande provient de {ip}.',
  'device.confirmWarning':
    'Ne continuez que si vous avez lancé cette connexion vous-même, sur un appareil que vous avez avec vous. Si quelqu’un vous a envoyé ce code, annulez.',
  'device.continue': 'Continuer',
  'device.cancel': 'Annuler',
  'device.doneTitle': 'Vous êtes connecté',
  'device.done':
    '{app} est maintenant connecté sur votre appareil. Vous pouvez fermer cette fenêtre.',
} satisfies Catalog;
