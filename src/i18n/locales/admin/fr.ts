import type en from './en.ts';

// French (fr): the admin portal. Keys and {placeholders} exactly as in en.ts;
// Microsoft's French for Entra (connexion, appliqué, journal d’audit).
export default {
  'admin.layout.title': '{title} · Administration Portcullis',
  'admin.layout.brand': 'Administration Portcullis',
  'admin.layout.skip': 'Aller au contenu',
  'admin.layout.nav': 'Administration',
  'admin.layout.signOut': 'Se déconnecter',
  'admin.nav.users': 'Utilisateurs',
  'admin.nav.groups': 'Groupes',
  'admin.nav.bulk': 'Mise à jour en bloc',
  'admin.nav.settings': 'Paramètres du service',
  'admin.nav.methodsPolicy': 'Méthodes d’authentification',
  'admin.nav.signins': 'Connexions',
  'admin.nav.audit': 'Journal d’audit',
  'admin.nav.tokens': 'Jetons d’API',
  'admin.nav.apps': 'Applications',
  'admin.nav.directory': 'Annuaire',
  'admin.needsPasskey':
    'Le portail d’administration exige une connexion avec une clé d’accès : ouvrez-le à nouveau pour vous connecter avec.',
  'admin.noPasskey':
    'Le portail d’administration exige une connexion avec une clé d’accès, et vous ne pouvez ni en utiliser ni en enregistrer une. Demandez à un autre administrateur, ou désactivez l’exigence sur le serveur (portcullis settings set adminPhishingResistant off).',
  'admin.forbidden': 'Le portail d’administration est réservé aux administrateurs.',
  'admin.confirm.title': 'Veuillez confirmer',

  'admin.common.cancel': 'Annuler',
  'admin.common.copy': 'Copier',
  'admin.common.save': 'Enregistrer',
  'admin.common.saved': 'Enregistré.',
  'admin.common.search': 'Rechercher',
  'admin.common.change': 'Modifier…',
  'admin.common.continue': 'Continuer…',
  'admin.common.deleteAsk': 'Supprimer…',
  'admin.common.yes': 'Oui',
  'admin.common.no': 'Non',
  'admin.common.any': 'Tous',
  'admin.common.name': 'Nom',
  'admin.common.displayName': 'Nom d’affichage',
  'admin.common.userName': 'Nom d’utilisateur',
  'admin.common.user': 'Utilisateur',
  'admin.common.mfaState': 'État MFA',
  'admin.common.method': 'Méthode',
  'admin.common.source': 'Source',
  'admin.common.role': 'Rôle',
  'admin.common.created': 'Créé le',
  'admin.common.lastUsed': 'Dernière utilisation',
  'admin.common.lastSignin': 'Dernière connexion',
  'admin.common.time': 'Date',
  'admin.common.result': 'Résultat',
  'admin.common.actions': 'Actions',
  'admin.common.appPasswords': 'Mots de passe d’application',
  'admin.common.pages': 'Pages',
  'admin.common.firstPage': 'Première page',
  'admin.common.nextPage': 'Page suivante',
  'admin.common.backToUsers': 'Retour aux utilisateurs',

  'admin.users.new': 'Nouvel utilisateur',
  'admin.users.import': 'Importer depuis un fichier CSV',
  'admin.users.exportThese': 'Exporter ces utilisateurs au format CSV',
  'admin.users.exportAll': 'Exporter tous les utilisateurs au format CSV',
  'admin.users.search': 'Rechercher par nom ou nom d’utilisateur',
  'admin.users.perPage': 'Par page',
  'admin.users.noMatch': 'Aucun utilisateur ne correspond.',
  'admin.users.caption': 'Utilisateurs, triés par nom d’utilisateur',
  'admin.users.captionContinued': 'Utilisateurs (suite), triés par nom d’utilisateur',
  'admin.users.selectPage': 'Sélectionner tous les utilisateurs de cette page',
  'admin.users.select': 'Sélectionner {name} ({upn})',
  'admin.users.defaultMethod': 'Méthode par défaut',
  'admin.users.tagAdmin': 'admin',
  'admin.users.tagDirectory': 'annuaire',
  'admin.users.tagBlocked': 'bloqué',
  'admin.users.scopeAllPages':
    'Pas seulement la sélection : tous les utilisateurs correspondant à cette recherche (sur toutes les pages)',
  'admin.users.scopeAllUsers':
    'Pas seulement la sélection : tous les utilisateurs correspondant à cette recherche (tous les utilisateurs)',
  'admin.users.withSelected': 'Pour les utilisateurs sélectionnés',
  'admin.users.deleted': '{upn} a été supprimé.',
  'admin.users.doneSome': 'Terminé.',
  'admin.users.chooseAction': 'Choisissez l’une des actions.',
  'admin.users.selectFirst': 'Sélectionnez d’abord au moins un utilisateur.',
  'admin.users.tooManyMatch':
    '{max, plural, one {Plus de # utilisateur correspond : affinez la recherche ou utilisez un fichier de mise à jour en bloc.} other {Plus de # utilisateurs correspondent : affinez la recherche ou utilisez un fichier de mise à jour en bloc.}}',
  'admin.users.nameNow': '{name} ({upn}) — actuellement {state}',
  'admin.users.andMore': '{n, plural, one {…et # autre} other {…et # autres}}',
  'admin.users.includesAdmins':
    'Cela inclut des administrateurs ({admins}) : leur mot de passe cessera aussi de fonctionner dans les clients autres que le navigateur.',
  'admin.users.already':
    '{n, plural, one {# d’entre eux est déjà dans cet état et reste inchangé.} other {# d’entre eux sont déjà dans cet état et restent inchangés.}}',

  'admin.users.action.Enabled.button': 'Activer',
  'admin.users.action.Enabled.title': 'Activer l’authentification multifacteur',
  'admin.users.action.Enabled.summary':
    '{n, plural, one {Activer l’authentification multifacteur pour # utilisateur.} other {Activer l’authentification multifacteur pour # utilisateurs.}}',
  'admin.users.action.Enabled.confirm':
    '{n, plural, one {Activer pour # utilisateur} other {Activer pour # utilisateurs}}',
  'admin.users.action.Enabled.done':
    '{n, plural, one {Terminé : # utilisateur activé.} other {Terminé : # utilisateurs activés.}}',
  'admin.users.action.Enabled.explain':
    'À leur prochaine connexion dans le navigateur, ils devront inscrire une méthode de vérification, puis passeront à l’état Appliqué. D’ici là, leur mot de passe continue de fonctionner dans les autres programmes.',
  'admin.users.action.Enforced.button': 'Appliquer',
  'admin.users.action.Enforced.title': 'Appliquer l’authentification multifacteur',
  'admin.users.action.Enforced.summary':
    '{n, plural, one {Appliquer l’authentification multifacteur pour # utilisateur.} other {Appliquer l’authentification multifacteur pour # utilisateurs.}}',
  'admin.users.action.Enforced.confirm':
    '{n, plural, one {Appliquer pour # utilisateur} other {Appliquer pour # utilisateurs}}',
  'admin.users.action.Enforced.done':
    '{n, plural, one {Terminé : MFA appliquée pour # utilisateur.} other {Terminé : MFA appliquée pour # utilisateurs.}}',
  'admin.users.action.Enforced.explain':
    'Ils doivent utiliser l’authentification multifacteur dans le navigateur, et leur mot de passe cesse de fonctionner dans les programmes qui ne prennent pas en charge la MFA (applications de messagerie, anciennes versions d’Office, scripts) : ceux-ci nécessitent des mots de passe d’application. Les utilisateurs qui n’ont pas encore inscrit de méthode le feront à leur prochaine connexion.',
  'admin.users.action.Disabled.button': 'Désactiver',
  'admin.users.action.Disabled.title': 'Désactiver l’authentification multifacteur',
  'admin.users.action.Disabled.summary':
    '{n, plural, one {Désactiver l’authentification multifacteur pour # utilisateur.} other {Désactiver l’authentification multifacteur pour # utilisateurs.}}',
  'admin.users.action.Disabled.confirm':
    '{n, plural, one {Désactiver pour # utilisateur} other {Désactiver pour # utilisateurs}}',
  'admin.users.action.Disabled.done':
    '{n, plural, one {Terminé : # utilisateur désactivé.} other {Terminé : # utilisateurs désactivés.}}',
  'admin.users.action.Disabled.explain':
    'Aucun second facteur ne leur sera plus demandé, et leur mot de passe fonctionne de nouveau dans tous les programmes. Leurs méthodes inscrites sont conservées.',
  'admin.users.action.reset-methods.button': 'Exiger une nouvelle inscription des méthodes',
  'admin.users.action.reset-methods.title': 'Exiger une nouvelle inscription des méthodes',
  'admin.users.action.reset-methods.summary':
    '{n, plural, one {Exiger que # utilisateur inscrive de nouveau ses méthodes.} other {Exiger que # utilisateurs inscrivent de nouveau leurs méthodes.}}',
  'admin.users.action.reset-methods.confirm':
    '{n, plural, one {Exiger une nouvelle inscription pour # utilisateur} other {Exiger une nouvelle inscription pour # utilisateurs}}',
  'admin.users.action.reset-methods.done':
    '{n, plural, one {Terminé : # utilisateur inscrira de nouveau ses méthodes à sa prochaine connexion.} other {Terminé : # utilisateurs inscriront de nouveau leurs méthodes à leur prochaine connexion.}}',
  'admin.users.action.reset-methods.explain':
    'Leurs méthodes de vérification inscrites sont supprimées ; les utilisateurs dont l’état exige la MFA s’inscrivent de nouveau à leur prochaine connexion.',
  'admin.users.action.delete-app-passwords.button':
    'Supprimer tous les mots de passe d’application',
  'admin.users.action.delete-app-passwords.title': 'Supprimer tous les mots de passe d’application',
  'admin.users.action.delete-app-passwords.summary':
    '{n, plural, one {Supprimer tous les mots de passe d’application de # utilisateur.} other {Supprimer tous les mots de passe d’application de # utilisateurs.}}',
  'admin.users.action.delete-app-passwords.confirm':
    '{n, plural, one {Supprimer les mots de passe d’application de # utilisateur} other {Supprimer les mots de passe d’application de # utilisateurs}}',
  'admin.users.action.delete-app-passwords.done':
    '{n, plural, one {Terminé : # utilisateur a perdu tous ses mots de passe d’application.} other {Terminé : # utilisateurs ont perdu tous leurs mots de passe d’application.}}',
  'admin.users.action.delete-app-passwords.explain':
    'Tous les mots de passe d’application qu’ils ont créés sont supprimés immédiatement ; les programmes qui les utilisent ne peuvent plus se connecter tant que de nouveaux ne sont pas créés.',
  'admin.users.action.restore-remembered-devices.button':
    'Restaurer la MFA sur les appareils mémorisés',
  'admin.users.action.restore-remembered-devices.title':
    'Restaurer la MFA sur les appareils mémorisés',
  'admin.users.action.restore-remembered-devices.summary':
    '{n, plural, one {Restaurer la MFA sur les appareils mémorisés de # utilisateur.} other {Restaurer la MFA sur les appareils mémorisés de # utilisateurs.}}',
  'admin.users.action.restore-remembered-devices.confirm':
    '{n, plural, one {Restaurer la MFA pour # utilisateur} other {Restaurer la MFA pour # utilisateurs}}',
  'admin.users.action.restore-remembered-devices.done':
    '{n, plural, one {Terminé : # utilisateur doit de nouveau utiliser la MFA sur chaque appareil.} other {Terminé : # utilisateurs doivent de nouveau utiliser la MFA sur chaque appareil.}}',
  'admin.users.action.restore-remembered-devices.explain':
    'Chaque appareil sur lequel ils avaient choisi d’ignorer la MFA la redemande à la prochaine connexion.',
  'admin.users.action.unlock-signin.button': 'Déverrouiller la connexion',
  'admin.users.action.unlock-signin.title': 'Déverrouiller la connexion',
  'admin.users.action.unlock-signin.summary':
    '{n, plural, one {Déverrouiller la connexion de # utilisateur.} other {Déverrouiller la connexion de # utilisateurs.}}',
  'admin.users.action.unlock-signin.confirm':
    '{n, plural, one {Déverrouiller la connexion de # utilisateur} other {Déverrouiller la connexion de # utilisateurs}}',
  'admin.users.action.unlock-signin.done':
    '{n, plural, one {Terminé : # utilisateur peut de nouveau essayer de se connecter.} other {Terminé : # utilisateurs peuvent de nouveau essayer de se connecter.}}',
  'admin.users.action.unlock-signin.explain':
    'Leurs compteurs de mots de passe et de codes erronés repartent de zéro, dans le navigateur comme sur les interfaces héritées — y compris un verrouillage après 100 échecs consécutifs, que l’attente ne lève pas.',

  'admin.user.done.state': 'L’état MFA est désormais {state}.',
  'admin.user.done.blocked': 'La connexion est bloquée ; les sessions ouvertes ont pris fin.',
  'admin.user.done.unblocked': 'La connexion est de nouveau autorisée.',
  'admin.user.done.default': 'La méthode par défaut a changé.',
  'admin.user.done.methodDeleted': 'La méthode a été supprimée.',
  'admin.user.done.resetMethods':
    'Méthodes supprimées : l’utilisateur s’inscrira de nouveau à sa prochaine connexion.',
  'admin.user.done.deleteAppPasswords': 'Tous les mots de passe d’application ont été supprimés.',
  'admin.user.done.restoreRememberedDevices':
    'Les appareils mémorisés demanderont de nouveau la MFA.',
  'admin.user.done.unlockSignin':
    'La connexion est déverrouillée : les tentatives échouées repartent de zéro.',
  'admin.user.done.invited': 'Une invitation a été envoyée à {email}.',
  'admin.user.done.invitedUser': 'Une invitation a été envoyée à l’utilisateur.',
  'admin.user.locked':
    'Trop de mots de passe ou de codes erronés : cet utilisateur doit patienter, ou il est verrouillé (après 100 échecs consécutifs). Choisissez {unlock} ci-dessous si c’était bien lui.',
  'admin.user.details': 'Détails',
  'admin.user.email': 'E-mail',
  'admin.user.mobile': 'Téléphone mobile',
  'admin.user.adminGroup': '{name} (administrateurs)',
  'admin.user.sourceDirectory':
    'Annuaire : {dn} (son mot de passe, son nom et ses groupes y sont gérés)',
  'admin.user.sourceLocal': 'Local (Portcullis conserve le mot de passe)',
  'admin.user.roleAdmin': 'Administrateur',
  'admin.user.roleUser': 'Utilisateur',
  'admin.user.signin': 'Connexion',
  'admin.user.blockedByDirectory':
    'Bloquée : l’annuaire a désactivé le compte ou ne le contient plus',
  'admin.user.blocked': 'Bloquée',
  'admin.user.allowed': 'Autorisée',
  'admin.user.fraudReported': 'Activité suspecte signalée',
  'admin.user.password': 'Mot de passe',
  'admin.user.passwordOneTime': 'Mot de passe à usage unique : à changer à la prochaine connexion',
  'admin.user.passwordNone': 'Aucun pour l’instant',
  'admin.user.passwordInvited':
    'Aucun pour l’instant (invité : l’utilisateur le définit depuis l’e-mail)',
  'admin.user.edit': 'Modifier',
  'admin.user.setState': 'Définir l’état MFA',
  'admin.user.block': 'Bloquer la connexion…',
  'admin.user.unblock': 'Débloquer la connexion…',
  'admin.user.resetPassword': 'Réinitialiser le mot de passe…',
  'admin.user.inviteNewPassword': 'Envoyer une invitation (pour définir un nouveau mot de passe)',
  'admin.user.inviteAgain': 'Renvoyer l’invitation',
  'admin.user.delete': 'Supprimer l’utilisateur…',
  'admin.user.methods': 'Méthodes de vérification',
  'admin.user.noMethods': 'Aucune méthode inscrite.',
  'admin.user.methodsCaption': 'Méthodes inscrites',
  'admin.user.default': 'Par défaut',
  'admin.user.phone': 'Téléphone',
  'admin.user.added': 'Ajoutée le',
  'admin.user.makeDefault': 'Définir par défaut',
  'admin.user.noAppPasswords': 'Aucun mot de passe d’application.',
  'admin.user.usedFrom': 'Depuis',
  'admin.user.devices': 'Appareils mémorisés',
  'admin.user.deviceCount':
    '{n, plural, =0 {Aucun appareil n’ignore la MFA pour cet utilisateur.} one {# appareil ignore actuellement la MFA.} other {# appareils ignorent actuellement la MFA.}}',
  'admin.user.manage': 'Gérer les paramètres utilisateur',
  'admin.user.manageLegend': 'Choisissez l’action à effectuer',
  'admin.user.manage.resetMethods':
    'Demander à l’utilisateur de fournir de nouveau ses méthodes de contact',
  'admin.user.manage.deleteAppPasswords':
    'Supprimer tous les mots de passe d’application existants générés par l’utilisateur',
  'admin.user.manage.restoreRememberedDevices':
    'Restaurer l’authentification multifacteur sur tous les appareils mémorisés',
  'admin.user.manage.unlockSignin': 'Déverrouiller la connexion après trop de tentatives échouées',
  'admin.user.chooseWhat': 'Choisissez l’action à effectuer.',
  'admin.user.recentSignins': 'Connexions récentes',
  'admin.user.allSignins': 'Toutes les connexions de cet utilisateur',
  'admin.user.auditEvents': 'Événements d’audit',
  'admin.user.setStateConfirm': 'Définir l’état MFA sur {state}',
  'admin.user.blockExplain':
    '{name} ne pourra plus se connecter nulle part (navigateur, mots de passe d’application, LDAP, RADIUS) tant que la connexion n’est pas débloquée, et ses sessions ouvertes prennent fin immédiatement.',
  'admin.user.blockConfirm': 'Bloquer la connexion',
  'admin.user.unblockExplain': '{name} pourra de nouveau se connecter.',
  'admin.user.unblockExplainFraud':
    '{name} pourra se connecter de nouveau, mais reste à risque élevé après avoir signalé une activité suspecte : ignorez le risque une fois le signalement examiné.',
  'admin.user.unblockConfirm': 'Débloquer la connexion',
  'admin.user.resetExplain':
    'Un mot de passe à usage unique est généré pour {name} et vous est présenté une seule fois ; son mot de passe actuel cesse de fonctionner et ses sessions ouvertes prennent fin. Un nouveau mot de passe sera choisi à la prochaine connexion.',
  'admin.user.resetConfirm': 'Réinitialiser le mot de passe',
  'admin.user.otpTitle': 'Mot de passe à usage unique pour {upn}',
  'admin.user.otpAdvice':
    'Transmettez-le à l’utilisateur par un canal sûr. Il n’est affiché que maintenant ; l’utilisateur devra le changer à sa prochaine connexion.',
  'admin.user.methodGone': 'Cette méthode a déjà été supprimée.',
  'admin.user.deleteMethod': 'La méthode {method} de {name} est supprimée.',
  'admin.user.deleteMethodPhone': 'La méthode {method} ({phone}) de {name} est supprimée.',
  'admin.user.deleteOnlyMethod':
    'C’est sa seule méthode : une nouvelle méthode sera inscrite à la prochaine connexion.',
  'admin.user.deleteMethodConfirm': 'Supprimer la méthode',

  'admin.signins.none': 'Aucune connexion.',
  'admin.signins.caption': 'Connexions, des plus récentes aux plus anciennes',
  'admin.signins.reason': 'Motif',
  'admin.signins.application': 'Application',
  'admin.signins.front': 'Interface',
  'admin.signins.browser': 'navigateur',
  'admin.signins.address': 'Adresse',
  'admin.signins.result.success': 'Réussie',
  'admin.signins.result.failure': 'Échouée',
  'admin.signins.result.interrupted': 'Interrompue',

  'admin.userForm.upn': 'Nom d’utilisateur (UPN)',
  'admin.userForm.email': 'Adresse e-mail',
  'admin.userForm.emailInvite': 'Adresse e-mail (l’invitation y est envoyée)',
  'admin.userForm.mobile': 'Téléphone mobile (proposé lorsque l’utilisateur inscrit un téléphone)',
  'admin.userForm.language': 'Langue (p. ex. en, de, fr-CA)',
  'admin.userForm.invite':
    'Envoyer une invitation par e-mail : l’utilisateur choisit un mot de passe et inscrit ses méthodes',
  'admin.userForm.oneTime':
    'Créer un mot de passe à usage unique, affiché une seule fois ici, à changer à la première connexion',
  'admin.userForm.create': 'Créer l’utilisateur',
  'admin.userForm.importLink': 'Importer des utilisateurs depuis un fichier CSV',
  'admin.userForm.editTitle': 'Modifier {name}',
  'admin.userForm.fromDirectory':
    'Le nom d’utilisateur, l’adresse e-mail et le numéro de mobile proviennent de l’annuaire.',
  'admin.userForm.otpAdvice':
    'Transmettez-le à l’utilisateur de manière sûre : il n’est affiché que maintenant et devra être changé à la première connexion.',
  'admin.userForm.deleteTitle': 'Supprimer {name}',
  'admin.userForm.deleteQuestion': 'Supprimer {name} ({upn}) ?',
  'admin.userForm.deleteExplain':
    'Ses méthodes, mots de passe d’application, sessions et appartenances aux groupes sont supprimés avec lui. Cette action est irréversible.',
  'admin.userForm.deleteExplainDirectory':
    'Ses méthodes, mots de passe d’application, sessions et appartenances aux groupes sont supprimés avec lui. Cette action est irréversible ; la prochaine synchronisation de l’annuaire le recrée tant que l’annuaire le contient.',
  'admin.userForm.deleteConfirm': 'Supprimer {upn}',

  'admin.upload.template': 'Télécharger le modèle',
  'admin.upload.file': 'Fichier CSV',
  'admin.upload.check': 'Vérifier le fichier',
  'admin.upload.noFile': 'Choisissez un fichier CSV à charger.',
  'admin.upload.notUtf8':
    'Le fichier n’est pas du texte UTF-8. Enregistrez-le au format « CSV UTF-8 » et réessayez.',
  'admin.upload.preview': 'Aperçu',
  'admin.upload.nothing': 'Rien à modifier.',
  'admin.upload.another': 'Charger un autre fichier',
  'admin.upload.anotherShort': 'Autre fichier',
  'admin.upload.apply':
    '{n, plural, one {Appliquer # modification} other {Appliquer # modifications}}',
  'admin.upload.applySkipping':
    '{changeCount, plural, one {Appliquer # modification} other {Appliquer # modifications}} ({errorCount, plural, one {ignorer # ligne en erreur} other {ignorer # lignes en erreur}})',
  'admin.upload.errorsSkipped':
    '{n, plural, one {en erreur, sera ignorée} other {en erreur, seront ignorées}}',
  'admin.upload.errorsNotApplied':
    '{n, plural, one {en erreur, non appliquée} other {en erreur, non appliquées}}',
  'admin.upload.everyRow': 'Toutes les lignes du fichier, erreurs en premier',
  'admin.upload.line': 'Ligne',
  'admin.upload.error': 'Erreur',
  'admin.upload.rowError': 'Erreur : {error}',
  'admin.upload.rowNoChange': 'Aucune modification',
  'admin.upload.moreRows':
    '{n, plural, one {…et # autre ligne sans erreur.} other {…et # autres lignes sans erreur.}}',
  'admin.upload.applying': 'Application en cours',
  'admin.upload.checkingRows': 'Vérification des lignes',
  'admin.upload.result': 'Résultat',
  'admin.upload.notApplied': 'Lignes non appliquées',

  'admin.import.title': 'Importer des utilisateurs',
  'admin.import.intro':
    'Chargez un fichier CSV dont la première ligne nomme les colonnes : {columns}. Seule {upn} est obligatoire ; un champ vide ne change rien ; pour un nouvel utilisateur, {email} vaut par défaut son nom d’utilisateur ; {mfa} vaut Disabled, Enabled ou Enforced. {template}.',
  'admin.import.how':
    'Les nouveaux utilisateurs sont créés sans mot de passe et reçoivent une invitation par e-mail ; les utilisateurs existants sont mis à jour là où une colonne apporte du nouveau. Chaque ligne est d’abord vérifiée et rien ne change tant que vous n’appliquez pas ; l’application écrit toutes les lignes valides en une seule transaction, jamais une ligne en erreur.',
  'admin.import.toCreate': '{n, plural, one {à créer} other {à créer}}',
  'admin.import.toUpdate': '{n, plural, one {à mettre à jour} other {à mettre à jour}}',
  'admin.import.created': '{n, plural, one {créé} other {créés}}',
  'admin.import.updated': '{n, plural, one {mis à jour} other {mis à jour}}',
  'admin.import.unchanged': '{n, plural, one {inchangé} other {inchangés}}',
  'admin.import.invited': '{n, plural, one {invité par e-mail} other {invités par e-mail}}',
  'admin.import.invite': 'Envoyer une invitation par e-mail aux nouveaux utilisateurs',
  'admin.import.rowCreate': 'Créer',
  'admin.import.rowUpdate': 'Mettre à jour : {changes}',
  'admin.import.writingUsers': 'Écriture des utilisateurs',
  'admin.import.failed': 'L’importation a échoué et rien n’a été modifié.',

  'admin.bulk.intro':
    'Chargez un fichier CSV au format du modèle de Microsoft — une ligne d’en-tête {header}, puis un utilisateur par ligne avec Disabled, Enabled ou Enforced (UTF-8, avec ou sans BOM). {template}.',
  'admin.bulk.how':
    'Chaque ligne est d’abord vérifiée et rien ne change tant que vous n’appliquez pas. L’application écrit toutes les lignes valides en une seule transaction — soit toutes changent, soit aucune — et jamais une ligne en erreur.',
  'admin.bulk.willChange': '{n, plural, one {sera modifié} other {seront modifiés}}',
  'admin.bulk.changed': '{n, plural, one {modifié} other {modifiés}}',
  'admin.bulk.already': '{n, plural, one {déjà dans cet état} other {déjà dans cet état}}',
  'admin.bulk.now': 'Actuel',
  'admin.bulk.new': 'Nouveau',
  'admin.bulk.rowChange': 'Modifier',
  'admin.bulk.writingChanges': 'Écriture des modifications',
  'admin.bulk.failed': 'La mise à jour a échoué et rien n’a été modifié.',

  'admin.groups.deleted': 'Le groupe {name} a été supprimé.',
  'admin.groups.search': 'Rechercher par nom',
  'admin.groups.none': 'Aucun groupe.',
  'admin.groups.caption': 'Groupes, triés par nom',
  'admin.groups.members': 'Membres',
  'admin.groups.roleAdmins': 'Administrateurs',
  'admin.groups.source.local': 'local',
  'admin.groups.source.scim': 'SCIM',
  'admin.groups.source.directory': 'annuaire',
  'admin.groups.new': 'Nouveau groupe',
  'admin.groups.description': 'Description',
  'admin.groups.adminRole': 'Les membres sont administrateurs',
  'admin.groups.create': 'Créer le groupe',
  'admin.group.added': 'Membres ajoutés.',
  'admin.group.removed': 'Membre retiré.',
  'admin.group.stateSet':
    '{n, plural, one {État MFA défini pour les membres (# modifié).} other {État MFA défini pour les membres (# modifiés).}}',
  'admin.group.stateSetSome': 'État MFA défini pour les membres.',
  'admin.group.sourceDirectory': 'Annuaire (son nom et ses membres y sont gérés)',
  'admin.group.sourceScim': 'Approvisionnement (SCIM)',
  'admin.group.sourceLocal': 'Créé ici',
  'admin.group.roleNone': 'Aucun',
  'admin.group.addUsers':
    'Ajouter des utilisateurs (noms d’utilisateur séparés par des espaces, des virgules ou des retours à la ligne)',
  'admin.group.add': 'Ajouter',
  'admin.group.remove': 'Retirer',
  'admin.group.moreMembers': 'Autres membres',
  'admin.group.stateTitle': 'État MFA de tous les membres',
  'admin.group.setTo': 'Définir sur',
  'admin.group.delete': 'Supprimer le groupe…',
  'admin.group.stateSummary':
    '{n, plural, one {Définir l’état MFA du # membre de {group} sur {state}.} other {Définir l’état MFA des # membres de {group} sur {state}.}}',
  'admin.group.stateExplain':
    'Les membres déjà dans cet état restent inchangés ; les utilisateurs qui rejoindront le groupe plus tard ne sont pas modifiés.',
  'admin.group.stateConfirm': 'Définir sur {state}',
  'admin.group.deleteQuestion': 'Supprimer le groupe {group} ?',
  'admin.group.deleteExplain':
    '{n, plural, =0 {Il n’a aucun membre.} one {Son # membre reste un utilisateur.} other {Ses # membres restent des utilisateurs.}}',
  'admin.group.deleteExplainAdmins':
    '{n, plural, =0 {Il n’a aucun membre.} one {Son # membre reste un utilisateur, mais perd le rôle d’administrateur que le groupe lui donnait.} other {Ses # membres restent des utilisateurs, mais perdent le rôle d’administrateur que le groupe leur donnait.}}',
  'admin.group.deleteConfirm': 'Supprimer {group}',

  'admin.settings.saved': 'Paramètres enregistrés.',
  'admin.settings.notSaved': 'Non enregistré : {reason}',
  'admin.settings.wholeNumber': '{field} : indiquez un nombre entier.',
  // A user's Temporary Access Pass.
  'admin.pass.title': 'Passe d’accès temporaire',
  'admin.pass.none':
    'Aucun passe. Un passe permet à l’utilisateur de se connecter et d’enregistrer des méthodes sans autre méthode (premier jour, téléphone perdu).',
  'admin.pass.notForUser':
    'La stratégie des méthodes ne donne pas de passe d’accès temporaire à cet utilisateur.',
  'admin.pass.active': 'Un passe est actif jusqu’au {expires}.',
  'admin.pass.activeOnce': 'Un passe à usage unique est actif jusqu’au {expires}.',
  'admin.pass.used': 'Le passe à usage unique a été utilisé : il ne connecte plus.',
  'admin.pass.expired': 'Le passe a expiré.',
  'admin.pass.revoke': 'Révoquer le passe',
  'admin.pass.lifetime': 'Durée de validité',
  'admin.pass.oneTime': 'Pour une seule connexion',
  'admin.pass.create': 'Créer un passe',
  'admin.pass.replace': 'Créer un nouveau passe (remplace celui-ci)',
  'admin.pass.createExplain':
    'Un passe d’accès temporaire permet à {name} de se connecter et d’enregistrer des méthodes de vérification sans autre méthode. Il remplace tout passe précédent et n’est affiché qu’une fois.',
  'admin.pass.createConfirm': 'Créer le passe',
  'admin.pass.revokeExplain': 'Le passe d’accès temporaire de {name} ne connectera plus.',
  'admin.pass.revokeConfirm': 'Révoquer',
  'admin.pass.revoked': 'Le passe a été révoqué.',
  'admin.pass.shownTitle': 'Passe d’accès temporaire pour {upn}',
  'admin.pass.shownAdvice':
    'Remettez-le vous-même à l’utilisateur (en personne ou par téléphone) : il n’est affiché que maintenant. Il connecte jusqu’à son expiration.',
  'admin.pass.shownAdviceOnce':
    'Remettez-le vous-même à l’utilisateur (en personne ou par téléphone) : il n’est affiché que maintenant et vaut pour une connexion.',
  'admin.pass.minutes': '{n, plural, one {# minute} other {# minutes}}',
  'admin.pass.hours': '{n, plural, one {# heure} other {# heures}}',
  'admin.pass.days': '{n, plural, one {# jour} other {# jours}}',
  // The authentication methods policy.
  'admin.settings.methodsMoved': 'Les méthodes utilisables, et par qui, se règlent dans {link}.',
  'admin.methodsPolicy.intro':
    'Les méthodes de vérification que les personnes peuvent enregistrer et utiliser : chacune pour tous les utilisateurs ou pour les membres de groupes choisis, jamais pour les membres d’un groupe exclu. Une méthode désactivée n’est ni proposée ni acceptée.',
  'admin.methodsPolicy.caption': 'Méthodes et qui peut les utiliser',
  'admin.methodsPolicy.method': 'Méthode',
  'admin.methodsPolicy.state': 'État',
  'admin.methodsPolicy.target': 'Pour',
  'admin.methodsPolicy.excluded': 'Exclus',
  'admin.methodsPolicy.options': 'Options',
  'admin.methodsPolicy.on': 'Activée',
  'admin.methodsPolicy.off': 'Désactivée',
  'admin.methodsPolicy.allUsers': 'Tous les utilisateurs',
  'admin.methodsPolicy.selected': 'Membres de ces groupes',
  'admin.methodsPolicy.includeHelp':
    'Groupes, un nom par ligne (si ce n’est pas pour tous les utilisateurs)',
  'admin.methodsPolicy.excludeHelp': 'Jamais pour les membres de ces groupes (un nom par ligne)',
  'admin.methodsPolicy.enabled': 'Activer {method}',
  'admin.methodsPolicy.useForSignIn':
    'Proposer les SMS pour se connecter (désactivé : un numéro peut encore être enregistré, pour la récupération seulement)',
  'admin.methodsPolicy.smsSignIn': 'Pour la connexion',
  'admin.methodsPolicy.smsRecovery': 'Pour la récupération seulement',
  'admin.methodsPolicy.phones': 'Les appels peuvent sonner sur',
  'admin.methodsPolicy.phone.mobile': 'Téléphone mobile',
  'admin.methodsPolicy.phone.alternateMobile': 'Autre téléphone mobile',
  'admin.methodsPolicy.phone.office': 'Téléphone de bureau',
  'admin.methodsPolicy.attestationRequired':
    "Exiger l'attestation : une nouvelle clé d'accès doit prouver sa marque et son modèle par un certificat d'un fabricant de confiance (les racines de PORTCULLIS_PASSKEY_ATTESTATION_ROOTS). Les clés déjà enregistrées ne sont pas concernées.",
  'admin.methodsPolicy.attested': 'attestation exigée',
  'admin.methodsPolicy.aaguids':
    'Modèles d’authentificateur autorisés (AAGUID, un par ligne ; vide : tout modèle)',
  'admin.methodsPolicy.models':
    '{n, plural, one {# modèle d’authentificateur} other {# modèles d’authentificateur}}',
  'admin.methodsPolicy.method.authenticator':
    'Notifications dans l’application (Portcullis Authenticator)',
  'admin.methodsPolicy.method.totp': 'Codes d’une application d’authentification (TOTP)',
  'admin.methodsPolicy.method.sms': 'SMS',
  'admin.methodsPolicy.method.voice': 'Appels vocaux',
  'admin.methodsPolicy.method.passkey': 'Clés d’accès',
  'admin.methodsPolicy.method.recoveryCodes': 'Codes de récupération',
  'admin.methodsPolicy.method.temporaryAccessPass': 'Passe d’accès temporaire',
  'admin.settings.systemPreferredMfa':
    'Demander d’abord la méthode la plus forte de chaque utilisateur (clé d’accès, notification, code d’application, puis SMS ou appel), pas sa méthode par défaut (MFA préférée par le système) ; il peut toujours en choisir une autre',
  'admin.methodsPolicy.method.registrationCampaign': 'Campagne d’inscription',
  'admin.methodsPolicy.campaignOptions': 'Ce qui est demandé aux utilisateurs',
  'admin.methodsPolicy.campaign.methods':
    'Demander aux utilisateurs qui se connectent par SMS ou appel de configurer',
  'admin.methodsPolicy.campaign.method.authenticator': 'Portcullis Authenticator',
  'admin.methodsPolicy.campaign.method.passkey': 'une clé d’accès',
  'admin.methodsPolicy.campaign.snoozeDays':
    'Jours pendant lesquels « Pas maintenant » reporte la question (0 à 14)',
  'admin.methodsPolicy.campaign.snoozeLimit':
    'Nombre de « Pas maintenant » permis (1 à 10 ; 0 : sans limite)',
  'admin.methodsPolicy.campaignSummary':
    '{methods} ; redemandé {days, plural, =0 {à chaque connexion} one {après # jour} other {après # jours}} ; {limit, plural, =0 {« Pas maintenant » sans limite} one {« Pas maintenant » # fois} other {« Pas maintenant » # fois}}',
  'admin.methodsPolicy.phoneOnly':
    '{count, plural, =0 {Aucun utilisateur ne dépend uniquement des SMS ou des appels.} one {# utilisateur dépend encore uniquement des SMS ou des appels.} other {# utilisateurs dépendent encore uniquement des SMS ou des appels.}}',
  'admin.methodsPolicy.passOptions': 'Passes',
  'admin.methodsPolicy.pass.defaultLifetimeMinutes':
    'Durée d’un passe si l’administrateur n’en choisit pas (minutes)',
  'admin.methodsPolicy.pass.maxLifetimeMinutes':
    'Durée la plus longue (minutes ; au plus 43200, 30 jours)',
  'admin.methodsPolicy.pass.defaultLength': 'Caractères d’un passe (8 à 48)',
  'admin.methodsPolicy.pass.oneTimeOnly': 'Chaque passe ne vaut que pour une connexion',
  'admin.methodsPolicy.passSummary':
    '{default} min par défaut, {longest} min au plus ; {length} caractères',
  'admin.methodsPolicy.passSummaryOnce':
    '{default} min par défaut, {longest} min au plus ; {length} caractères ; une connexion chacun',
  'admin.settings.methods':
    'Options de vérification : méthodes que les utilisateurs peuvent utiliser',
  'admin.settings.appPasswordsAllowed':
    'Autoriser les utilisateurs à créer des mots de passe d’application pour se connecter aux programmes qui ne prennent pas en charge la MFA',
  'admin.settings.rememberDevices':
    'Mémoriser l’authentification multifacteur sur les appareils de confiance',
  'admin.settings.rememberDevicesEnabled':
    'Autoriser les utilisateurs à mémoriser la MFA sur les appareils auxquels ils font confiance',
  'admin.settings.registration': 'Inscription et mots de passe',
  'admin.settings.passwordChangeRevokesAppPasswords':
    'Quand les utilisateurs changent leur mot de passe, supprimer aussi leurs mots de passe d’application',
  'admin.settings.mail': 'E-mails aux utilisateurs (lorsqu’ils ont une adresse)',
  'admin.settings.mailOnMethodChange':
    'Quand une méthode de vérification est ajoutée à leur compte ou en est supprimée',
  'admin.settings.mailOnAppPassword': 'Quand un mot de passe d’application est créé',
  'admin.settings.mailOnPasswordChange': 'Quand leur mot de passe change',
  'admin.settings.passkeys': 'Clés d’accès',
  'admin.settings.adminPhishingResistant':
    'Les administrateurs ont besoin d’une connexion résistante à l’hameçonnage (une clé d’accès) pour ce portail ; une session plus faible se la voit demander. Les jetons d’API et la ligne de commande sur le serveur ne sont pas concernés.',
  'admin.settings.adminPhishingResistantFirst':
    'Connectez-vous d’abord avec une clé d’accès (ouvrez le portail dans une nouvelle connexion et utilisez votre clé), pour ne pas vous enfermer dehors en activant ceci.',
  'admin.settings.passwordlessSignin':
    'Permettre de se connecter avec une clé d’accès seule, sans mot de passe (le code PIN ou la biométrie de la clé d’accès compte comme second facteur)',
  'admin.settings.fatigue': 'Portcullis Authenticator (lassitude MFA)',
  'admin.settings.namedLocations': 'Emplacements nommés',
  'admin.settings.namedLocationsHelp':
    'Emplacements nommés : un par ligne, une plage puis son nom, p. ex. 10.1.0.0/16 Bureau de Prague (Portcullis Authenticator affiche le plus précis de ceux qui contiennent l’adresse d’une demande)',
  'admin.settings.trustedIps': 'Adresses IP approuvées',
  'admin.settings.trustedIpsHelp':
    'Ignorer la MFA pour les connexions par navigateur depuis ces plages (un CIDR par ligne, IPv4 ou IPv6, p. ex. 10.0.0.0/8 ou 2001:db8::/32)',
  'admin.settings.fraud': 'Signaler une activité suspecte',
  'admin.settings.fraudAlertEnabled':
    "Permettre aux utilisateurs de signaler un appel, un SMS ou une notification qu'ils n'ont pas demandé",
  'admin.settings.limits': 'Durée de validité des codes et limites d’envoi',
  'admin.settings.number.rememberDevicesDays':
    'Nombre de jours pendant lesquels un appareil mémorisé ignore la MFA (1–365)',
  'admin.settings.number.proofupGraceDays':
    'Nombre de jours pendant lesquels les utilisateurs à l’état Activé peuvent reporter l’inscription d’une méthode (0–90 ; 0 : jamais)',
  'admin.settings.number.pushFatigueLimit':
    'Suspendre les notifications de l’application après ce nombre de demandes refusées ou sans réponse (1–20)',
  'admin.settings.number.pushFatigueMinutes': '… en l’espace de ce nombre de minutes (1–1440)',
  'admin.settings.number.phoneCodeMinutes':
    'Durée de validité en minutes d’un code envoyé par SMS (1–10)',
  'admin.settings.number.callTimeoutSeconds':
    'Durée en secondes pendant laquelle un appel de vérification attend # (10–300)',
  'admin.settings.number.sendLimitPerUser': 'SMS et appels par utilisateur en 15 minutes',
  'admin.settings.number.sendLimitPerNumber': 'SMS et appels par numéro de téléphone en 15 minutes',
  'admin.settings.number.sendLimitPerAddress': 'SMS et appels par adresse client en 15 minutes',

  'admin.logs.filter': 'Filtrer',
  'admin.logs.export': 'Exporter toutes les entrées correspondantes au format CSV',
  'admin.logs.newest': 'Plus récentes',
  'admin.logs.older': 'Entrées plus anciennes',
  'admin.logs.method': 'Méthode (p. ex. PhoneAppOTP, password, app password)',
  'admin.logs.application': 'ID d’application',
  'admin.logs.since': 'Du (p. ex. 2026-11-01)',
  'admin.logs.until': 'Au',
  'admin.audit.none': 'Aucun événement.',
  'admin.audit.caption': 'Événements d’audit, des plus récents aux plus anciens',
  'admin.audit.who': 'Qui',
  'admin.audit.from': 'Depuis',
  'admin.audit.action': 'Action',
  'admin.audit.detail': 'Détail',
  'admin.audit.userFilter': 'Utilisateur concerné',
  'admin.audit.actorFilter': 'Qui (nom d’utilisateur d’un administrateur, « token NOM » ou cli)',
  'admin.audit.actionFilter': 'Action (p. ex. mfa_state_set)',

  'admin.tokens.intro':
    'Les jetons de l’API d’administration permettent aux scripts d’utiliser l’API REST ({openapi}) et la ligne de commande avec {url}. Un jeton n’est affiché qu’une fois ; seul son hachage est conservé.',
  'admin.tokens.none': 'Aucun jeton.',
  'admin.tokens.scope': 'Étendue',
  'admin.tokens.personalData': 'Données personnelles',
  'admin.tokens.by': 'Par',
  'admin.tokens.revoke': 'Révoquer…',
  'admin.tokens.create': 'Créer un jeton',
  'admin.tokens.name': 'Nom (à quoi il sert)',
  'admin.tokens.scopeRead': 'Lecture seule : peut consulter, ne peut rien modifier',
  'admin.tokens.scopeReadWrite':
    'Lecture et écriture : peut faire tout ce que propose l’API d’administration',
  'admin.tokens.scopeScim':
    'Approvisionnement SCIM : uniquement les points de terminaison SCIM ({path}), pour un fournisseur d’identité ou un système RH',
  'admin.tokens.personalDataRight':
    'Peut voir les données personnelles (numéros de téléphone complets)',
  'admin.tokens.createButton': 'Créer le jeton',
  'admin.tokens.revoked': 'Jeton révoqué.',
  'admin.tokens.chooseScope': 'Choisissez une étendue.',
  'admin.tokens.created': 'Jeton « {name} » créé',
  'admin.tokens.storeNow': 'Conservez-le maintenant : il n’est affiché qu’une seule fois.',
  'admin.tokens.noSuch': 'Ce jeton n’existe pas.',
  'admin.tokens.revokeExplain':
    'Les scripts qui utilisent le jeton « {name} » cessent immédiatement de fonctionner.',
  'admin.tokens.revokeConfirm': 'Révoquer le jeton',

  'admin.apps.front.verify': 'Vérification HTTP',
  'admin.apps.front.forwardAuth': 'Forward-auth',
  'admin.apps.front.ldap': 'LDAP',
  'admin.apps.front.radius': 'RADIUS',
  'admin.apps.kindLegacy': 'Héritée',
  'admin.apps.kindOidc': 'OpenID Connect',
  'admin.apps.kindMachine': 'OpenID Connect (machine)',
  'admin.apps.deviceCode': 'Code d’appareil sur /device',
  'admin.apps.kindDevice': 'OpenID Connect (appareil)',
  'admin.apps.kindSaml': 'SAML 2.0',
  'admin.apps.samlEntity': 'ID d’entité',
  'admin.apps.radiusMode': 'Mode RADIUS',
  'admin.apps.radiusModeAppPassword':
    'Mot de passe d’application (ou le mot de passe du compte là où l’état MFA de l’utilisateur le permet)',
  'admin.apps.radiusModeMfa':
    'MFA : le mot de passe du compte, puis un second facteur (un code après un défi, ou une approbation sur le téléphone)',
  'admin.apps.radiusMfaSet': 'RADIUS avec MFA',
  'admin.apps.radiusOldClients':
    'Accepter aussi les requêtes RADIUS sans Message-Authenticator (anciens clients comme pam_radius_auth 2.0 ; moins sûr)',
  'admin.apps.radiusSaved': 'Les paramètres RADIUS de « {name} » ont été enregistrés.',
  'admin.apps.radiusTitle': 'Paramètres RADIUS de {name}',
  'admin.apps.changeRadius': 'Paramètres RADIUS',
  'admin.apps.radiusSecretSet': 'secret RADIUS défini',
  'admin.apps.clientCredentials': 'Informations d’identification du client',
  'admin.apps.afterSignout': 'Après la déconnexion :',
  'admin.apps.none': 'Aucune application pour l’instant.',
  'admin.apps.id': 'ID (ID client)',
  'admin.apps.kind': 'Type',
  'admin.apps.uses': 'Interfaces ou URI de redirection',
  'admin.apps.strength': 'Force',
  'admin.apps.firstParty': 'Interne',
  'admin.apps.changeUris': 'Modifier les URI de redirection…',
  'admin.apps.newSecret': 'Nouveau secret client…',
  'admin.apps.notAdded': 'Non ajouté : {reason}',
  'admin.apps.notChanged': 'Non modifié : {reason}',
  'admin.apps.redirectUris':
    'URI de redirection, un par ligne (https ; http uniquement pour localhost)',
  'admin.apps.backchannelUri':
    'URI de déconnexion back-channel (facultatif ; prévenue quand une session se termine : déconnexion, blocage, nouveau mot de passe)',
  'admin.apps.postLogoutUrisNew':
    'URI de redirection après déconnexion, un par ligne (facultatif ; où la déconnexion de l’application peut renvoyer les personnes, mêmes règles)',
  'admin.apps.postLogoutUrisEdit':
    'URI de redirection après déconnexion, un par ligne (où la déconnexion de l’application peut renvoyer les personnes ; vide pour aucun)',
  'admin.apps.strengthHelp':
    'Force d’authentification exigée (une connexion plus faible ne se voit demander que ce qui manque)',
  'admin.apps.strength.none': 'Aucune (l’état MFA de chaque utilisateur décide)',
  'admin.apps.strength.mfa': 'Authentification multifacteur',
  'admin.apps.strength.passwordless': 'MFA sans mot de passe (une clé d’accès)',
  'admin.apps.strength.phishing-resistant': 'MFA résistante à l’hameçonnage (une clé d’accès)',
  'admin.apps.firstPartyHelp': 'Interne : notre propre application, sans page de consentement',
  'admin.apps.idTokenAlg': 'Jetons d’identité signés avec',
  'admin.apps.idTokenAlgRs256': 'RS256 (compris par tous les clients)',
  'admin.apps.idTokenAlgEs256':
    'ES256 (plus petit et plus rapide ; le client doit le prendre en charge)',
  'admin.apps.machineHelp':
    'Client machine : informations d’identification du client, sans utilisateurs ni URI de redirection',
  'admin.apps.deviceHelp':
    'Client appareil (outils en ligne de commande, téléviseurs) : les utilisateurs se connectent sur /device avec le code affiché ; public, sans secret client ni URI de redirection',
  'admin.apps.addClient': 'Ajouter le client',
  'admin.apps.urisTitle': 'URI de redirection de « {name} »',
  'admin.apps.fronts': 'Interfaces autorisées',
  'admin.apps.radiusSecret':
    '{max, plural, one {Secret partagé RADIUS (facultatif, de {min} à # caractère ; l’application devient alors un client RADIUS)} other {Secret partagé RADIUS (facultatif, de {min} à # caractères ; l’application devient alors un client RADIUS)}}',
  'admin.apps.addLegacy': 'Ajouter l’application',
  'admin.apps.intro':
    'Les applications héritées (serveurs de messagerie, VPN, sites derrière un proxy) sont désignées par leur ID sur les interfaces ; les clients OpenID Connect l’utilisent comme ID client. Un secret client n’est affiché qu’une fois ; seule une copie scellée est conservée.',
  'admin.apps.addOidcTitle': 'Ajouter un client OpenID Connect',
  'admin.apps.addLegacyTitle': 'Ajouter une application héritée',
  'admin.apps.noSuch': 'Cette application n’existe pas (déjà supprimée ?).',
  'admin.apps.deleted': 'Application supprimée.',
  'admin.apps.added': '« {name} » ajoutée : son ID d’application est {id}.',
  'admin.apps.urisSaved': 'Les URI de redirection de « {name} » ont été enregistrés.',
  'admin.apps.noUris':
    'Seul un client web (OpenID Connect, pas un client machine) possède des URI de redirection.',
  'admin.apps.clientAdded': 'Client « {name} » ajouté',
  'admin.apps.clientAddedAdvice':
    'ID client : {id}. Conservez le secret client maintenant : il n’est affiché qu’une seule fois.',
  'admin.apps.deleteOidc':
    'Supprimer le client OpenID Connect « {name} » ({id}). Ses autorisations et ses jetons sont supprimés et cessent immédiatement de fonctionner ; l’application ne peut plus connecter personne. Les mots de passe d’application limités à elle seule sont supprimés ; les autres la retirent seulement de leur liste. Cette action est irréversible.',
  'admin.apps.deleteLegacy':
    'Supprimer l’application « {name} » ({id}). Ses interfaces cessent immédiatement d’accepter des connexions pour elle. Les mots de passe d’application limités à elle seule sont supprimés ; les autres la retirent seulement de leur liste. Cette action est irréversible.',
  'admin.apps.deleteConfirm': 'Supprimer l’application',
  'admin.apps.newSecretExplain':
    'Donner un nouveau secret client à « {name} » ({id}). Le secret actuel cesse immédiatement de fonctionner : l’application a besoin du nouveau pour obtenir des jetons. Les jetons qu’elle possède déjà restent valides jusqu’à leur expiration.',
  'admin.apps.newSecretConfirm': 'Créer un nouveau secret',
  'admin.apps.newSecretTitle': 'Nouveau secret client pour « {name} »',
  'admin.apps.newSecretAdvice':
    'ID client : {id}. Conservez le secret maintenant : il n’est affiché qu’une seule fois.',
  'admin.apps.serviceAccountSet': 'compte de service LDAP',
  'admin.apps.onlyGroups': 'Seulement les membres de : {groups}',
  'admin.apps.noOne': 'Personne (ses groupes ont été supprimés)',
  'admin.apps.access': 'Qui peut l’utiliser…',
  'admin.apps.accessTitle': 'Qui peut utiliser « {name} »',
  'admin.apps.accessAll': 'Tous les utilisateurs',
  'admin.apps.accessGroups':
    'Seulement les membres de ces groupes : sur chaque accès hérité, et son compte de service LDAP ne voit qu’eux',
  'admin.apps.accessGroupNames': 'Noms des groupes, un par ligne',
  'admin.apps.accessSaved': 'Enregistré qui peut utiliser « {name} ».',
  'admin.apps.newServiceAccount': 'Nouveau compte de service LDAP…',
  'admin.apps.deleteServiceAccount': 'Supprimer le compte de service LDAP…',
  'admin.apps.serviceAccountExplain':
    '« {name} » ({id}) reçoit un nouveau compte de service LDAP, pour les programmes qui cherchent l’utilisateur avant de l’authentifier. Un secret précédent cesse aussitôt de fonctionner.',
  'admin.apps.serviceAccountConfirm': 'Créer le compte de service',
  'admin.apps.serviceAccountTitle': 'Compte de service LDAP de « {name} »',
  'admin.apps.serviceAccountAdvice':
    'DN de liaison : {dn}. Conservez le secret (le mot de passe de liaison) maintenant : il n’est affiché qu’une seule fois.',
  'admin.apps.deleteServiceAccountExplain':
    'Supprimer le compte de service LDAP de « {name} » ({id}) ? Les programmes qui l’utilisent ne trouveront plus d’utilisateurs.',
  'admin.apps.deleteServiceAccountConfirm': 'Supprimer le compte de service',
  'admin.apps.serviceAccountDeleted': 'Le compte de service LDAP de « {name} » a été supprimé.',
  'admin.apps.ldapServiceAccountHelp':
    'Créer un compte de service LDAP (pour les programmes qui cherchent l’utilisateur avant de l’authentifier)',

  'admin.directory.notContacted': 'Pas encore contacté par ce nœud.',
  'admin.directory.up': 'joignable',
  'admin.directory.down': 'injoignable',
  'admin.directory.upSince': '{tag} depuis {since}',
  'admin.directory.downSince':
    '{tag} depuis {since} : {error}. Les utilisateurs de l’annuaire ne peuvent pas se connecter en attendant ; les utilisateurs locaux et les mots de passe d’application ne sont pas concernés.',
  'admin.directory.notSynced':
    '{n, plural, one {Non synchronisée (#)} other {Non synchronisées (#)}}',
  'admin.directory.entry': 'Entrée',
  'admin.directory.why': 'Motif',
  'admin.directory.dryRunDone': 'Simulation : rien n’a été modifié',
  'admin.directory.synced': 'Synchronisé',
  'admin.directory.report':
    '{entryCount, plural, one {# entrée} other {# entrées}} : {createdCount, plural, one {# créé} other {# créés}}, {updatedCount, plural, one {# mis à jour} other {# mis à jour}}, {blockedCount, plural, one {# bloqué} other {# bloqués}}, {unblockedCount, plural, one {# débloqué} other {# débloqués}}, {deletedCount, plural, one {# supprimé} other {# supprimés}}, {unchangedCount, plural, one {# inchangé} other {# inchangés}}.',
  'admin.directory.wouldChange': 'Modifications prévues',
  'admin.directory.changed': 'Modifications effectuées',
  'admin.directory.changes': 'Modifications',
  'admin.directory.action.create': 'créer',
  'admin.directory.action.adopt': 'reprendre',
  'admin.directory.action.update': 'mettre à jour',
  'admin.directory.action.block': 'bloquer',
  'admin.directory.action.unblock': 'débloquer',
  'admin.directory.action.delete': 'supprimer',
  'admin.directory.works': 'La connexion fonctionne',
  'admin.directory.searched':
    '{n, plural, =0 {Liaison avec le compte de service, puis recherche de {filter} dans {base} : aucune entrée trouvée.} one {Liaison avec le compte de service, puis recherche de {filter} dans {base} : # entrée, lue ainsi :} other {Liaison avec le compte de service, puis recherche de {filter} dans {base} : # entrées, lues ainsi :}}',
  'admin.directory.mail': 'E-mail',
  'admin.directory.mobile': 'Mobile',
  'admin.directory.language': 'Langue',
  'admin.directory.disabled': 'Désactivé',
  'admin.directory.problem': 'Problème',
  'admin.directory.notConfigured':
    'Aucun annuaire n’est configuré : les utilisateurs sont locaux. Pour reprendre les utilisateurs et leurs mots de passe d’Active Directory ou d’OpenLDAP, définissez {url} et {base} (voir le README, section « Users from a directory »).',
  'admin.directory.connection': 'Connexion',
  'admin.directory.kind': 'Type',
  'admin.directory.servers': 'Serveurs',
  'admin.directory.usersUnder': 'Utilisateurs sous',
  'admin.directory.serviceAccount': 'Compte de service',
  'admin.directory.anonymous': 'anonyme',
  'admin.directory.userCounts':
    '{directoryCount, plural, one {# issu de l’annuaire} other {# issus de l’annuaire}} ({blockedCount, plural, one {# bloqué par celui-ci} other {# bloqués par celui-ci}}), {localCount, plural, one {# local} other {# locaux}}',
  'admin.directory.lookUp': 'Nom d’utilisateur à rechercher (facultatif)',
  'admin.directory.test': 'Tester la connexion',
  'admin.directory.sync': 'Synchronisation',
  'admin.directory.lastSync': 'Dernière synchronisation',
  'admin.directory.lastRun':
    '({trigger}, {actor}) : {status}, {createdCount, plural, one {# créé} other {# créés}}, {updatedCount, plural, one {# mis à jour} other {# mis à jour}}, {blockedCount, plural, one {# bloqué} other {# bloqués}}, {unblockedCount, plural, one {# débloqué} other {# débloqués}}, {deletedCount, plural, one {# supprimé} other {# supprimés}}',
  'admin.directory.lastRunFailed': '({trigger}, {actor}) : {status} — {error}',
  'admin.directory.never': 'jamais',
  'admin.directory.nextSync': 'Prochaine synchronisation',
  'admin.directory.syncOff': 'désactivée (PORTCULLIS_DIRECTORY_SYNC_MINUTES=0)',
  'admin.directory.dryRun': 'Simulation (afficher seulement ce qui changerait)',
  'admin.directory.syncNow': 'Synchroniser maintenant',
  'admin.directory.recent': 'Synchronisations récentes',
  'admin.directory.started': 'Démarrée le',
  'admin.directory.colCreated': 'Créés',
  'admin.directory.colUpdated': 'Mis à jour',
  'admin.directory.colBlocked': 'Bloqués',
  'admin.directory.colNotSynced': 'Non synchronisées',
  'admin.directory.status.running': 'en cours',
  'admin.directory.status.succeeded': 'réussie',
  'admin.directory.status.partial': 'partielle',
  'admin.directory.status.failed': 'échouée',
  'admin.directory.trigger.schedule': 'planification',
  'admin.directory.trigger.cli': 'ligne de commande',
  'admin.directory.trigger.portal': 'portail',
  'admin.directory.trigger.api': 'API',
  'admin.branding.link': 'Personnalisation : nom, logo et aide de votre organisation',
  'admin.branding.title': 'Personnalisation',
  'admin.branding.back': 'Retour aux paramètres du service',
  'admin.branding.intro':
    'Le nom, le logo et l’aide de votre organisation apparaissent sur chaque page de connexion, dans les SMS, les appels et les e-mails, ainsi que comme nom du compte dans les applications d’authentification.',
  'admin.branding.name': 'Nom de l’organisation',
  'admin.branding.nameHint':
    'Si ce champ est vide, les pages et les messages indiquent Portcullis. Les applications d’authentification affichent le nom en vigueur lors de l’ajout de la méthode.',
  'admin.branding.helpText':
    'Texte d’aide (par exemple, qui appeler en cas de perte d’un téléphone)',
  'admin.branding.helpUrl': 'Lien d’aide (https://, http://, mailto: ou tel:)',
  'admin.branding.logo': 'Logo',
  'admin.branding.currentLogo': 'Le logo actuel',
  'admin.branding.noLogo': 'Aucun logo.',
  'admin.branding.logoFile': 'Une image PNG, JPEG, GIF ou WebP de 256 Kio au maximum',
  'admin.branding.removeLogo': 'Supprimer le logo',
  'admin.branding.badLogo':
    'Un logo doit être une image PNG, JPEG, GIF ou WebP de 256 Kio au maximum.',
  'admin.auditAction.api_token_created': 'Jeton d’API créé',
  'admin.auditAction.api_token_revoked': 'Jeton d’API révoqué',
  'admin.auditAction.app_password_created': 'Mot de passe d’application créé',
  'admin.auditAction.app_password_deleted': 'Mot de passe d’application supprimé',
  'admin.auditAction.application_changed': 'Application modifiée',
  'admin.auditAction.application_created': 'Application créée',
  'admin.auditAction.application_deleted': 'Application supprimée',
  'admin.auditAction.application_secret_changed': 'Nouveau secret client attribué à l’application',
  'admin.auditAction.application_service_account_set': 'Compte de service LDAP créé',
  'admin.auditAction.application_service_account_deleted': 'Compte de service LDAP supprimé',
  'admin.auditAction.default_method_set': 'Méthode par défaut définie',
  'admin.auditAction.fraud_reported': 'Activité suspecte signalée',
  'admin.auditAction.group_created': 'Groupe créé',
  'admin.auditAction.group_deleted': 'Groupe supprimé',
  'admin.auditAction.group_updated': 'Groupe modifié',
  'admin.auditAction.invitation_accepted': 'Invitation acceptée',
  'admin.auditAction.method_added': 'Méthode ajoutée',
  'admin.auditAction.method_deleted': 'Méthode supprimée',
  'admin.auditAction.mfa_state_set': 'État MFA défini',
  'admin.auditAction.passkey_flagged': 'Clé d’accès signalée comme suspecte',
  'admin.auditAction.password_changed': 'Mot de passe modifié',
  'admin.auditAction.password_reset': 'Mot de passe réinitialisé',
  'admin.auditAction.password_set': 'Mot de passe défini',
  'admin.auditAction.settings_changed': 'Paramètres du service modifiés',
  'admin.auditAction.tap_created': 'Passe d’accès temporaire créé',
  'admin.auditAction.tap_revoked': 'Passe d’accès temporaire révoqué',
  'admin.auditAction.tap_used': 'Connexion avec un passe d’accès temporaire',
  'admin.auditAction.tap_expired': 'Passe d’accès temporaire expiré',
  'admin.auditAction.methods_policy_changed': "Stratégie des méthodes d'authentification modifiée",
  'admin.auditAction.signing_keys_rotated': 'Clés de signature renouvelées',
  'admin.auditAction.saml_signing_key_rotated': 'Clé de signature SAML renouvelée',
  'admin.auditAction.user_created': 'Utilisateur créé',
  'admin.auditAction.user_deleted': 'Utilisateur supprimé',
  'admin.auditAction.user_invited': 'Utilisateur invité',
  'admin.auditAction.user_updated': 'Utilisateur modifié',
  'admin.auditKey.name': 'Nom',
  'admin.auditKey.scope': 'Étendue',
  'admin.auditKey.scopes': 'Applications',
  'admin.auditKey.rights': 'Droits',
  'admin.auditKey.expiresAt': 'Expire le',
  'admin.auditKey.reason': 'Motif',
  'admin.auditKey.application': 'Application',
  'admin.auditKey.via': 'Via',
  'admin.auditKey.blocked': 'Bloqué',
  'admin.auditKey.by': 'Par',
  'admin.auditKey.methodType': 'Méthode',
  'admin.auditKey.methodTypes': 'Méthodes',
  'admin.auditKey.during': 'Lors de',
  'admin.auditKey.field': 'Champ',
  'admin.auditKey.fields': 'Champs',
  'admin.auditKey.from': 'De',
  'admin.auditKey.to': 'À',
  'admin.auditKey.removed': 'Supprimés',
  'admin.auditKey.fronts': 'Interfaces',
  'admin.auditKey.after': 'Après',
  'admin.auditKey.state': 'État',
  'admin.auditKey.mfaState': 'État MFA',
  'admin.auditKey.isAdmin': 'Administrateur',
  'admin.settings.highRiskAction': "Un signalement rend le risque de l'utilisateur élevé, et alors",
  'admin.settings.highRisk.block':
    "la connexion est bloquée jusqu'à ce qu'un administrateur ignore le risque",
  'admin.settings.highRisk.changePassword':
    "l'utilisateur change son mot de passe après l'authentification multifacteur à sa prochaine connexion (les utilisateurs de l'annuaire sont bloqués à la place)",
  'admin.settings.highRisk.reregister':
    "les méthodes de l'utilisateur sont supprimées, à inscrire de nouveau",
  'admin.settings.highRisk.none': 'rien de plus (le risque est seulement enregistré)',
  'admin.user.risk': 'Risque',
  'admin.user.riskHigh': "Élevé : l'utilisateur a signalé une activité suspecte",
  'admin.user.riskRemediated': 'Aucun : corrigé par un changement de mot de passe',
  'admin.user.riskDismissed': 'Aucun : ignoré par un administrateur',
  'admin.user.dismissRisk': 'Ignorer le risque…',
  'admin.user.dismissRiskExplain':
    "{name} a signalé un appel, un SMS ou une notification qu'il n'avait pas demandé. Ignorez le risque une fois le signalement examiné : il redevient nul, et un blocage posé par le signalement est levé.",
  'admin.user.dismissRiskConfirm': 'Ignorer le risque',
  'admin.user.done.riskDismissed': 'Le risque a été ignoré.',
  'admin.users.risk': 'Risque',
  'admin.users.riskHigh': 'Élevé',
  'admin.users.tagHighRisk': 'risque élevé',
  'admin.auditAction.risk_dismissed': 'Risque ignoré',
  'admin.auditKey.riskLevel': 'Risque',
  'admin.auditKey.action': 'Action',
  'admin.auditKey.unblocked': 'Débloqué',
  'admin.pass.pending': 'Un passe sera actif du {starts} au {expires}.',
  'admin.nav.reports': 'Rapports',
  'admin.reports.title': 'Utilisation et inscription',
  'admin.reports.registration': 'Inscription',
  'admin.reports.users': 'Utilisateurs autorisés à se connecter',
  'admin.reports.capable': 'Compatibles MFA (une méthode qui suffit seule)',
  'admin.reports.withoutMethod': 'Sans aucune méthode',
  'admin.reports.phoneOnly': 'SMS et appels seulement',
  'admin.reports.methods': 'Méthodes inscrites, par utilisateurs qui les ont',
  'admin.reports.usersWith': 'Utilisateurs',
  'admin.reports.list': 'Utilisateurs par inscription',
  'admin.reports.show': 'Afficher',
  'admin.reports.filter.all': 'Tous les utilisateurs autorisés à se connecter',
  'admin.reports.filter.capable': 'Compatibles MFA',
  'admin.reports.filter.notCapable': 'Non compatibles MFA',
  'admin.reports.filter.noMethod': 'Sans aucune méthode',
  'admin.reports.filter.phoneOnly': 'SMS et appels seulement',
  'admin.reports.export': 'Exporter en CSV',
  'admin.reports.capableColumn': 'Compatible MFA',
  'admin.reports.methodsColumn': 'Méthodes',
  'admin.reports.noUsers': 'Aucun utilisateur ne correspond.',
  'admin.reports.signins': 'Connexions',
  'admin.reports.period': 'Période',
  'admin.reports.lastDays': '{n, plural, one {Le dernier jour} other {Les # derniers jours}}',
  'admin.reports.noSignins': 'Aucune connexion pendant cette période.',
  'admin.reports.byResult':
    '{n, plural, one {Connexions du jour par résultat (UTC)} other {Connexions par jour sur les # derniers jours, par résultat (UTC)}}',
  'admin.reports.byMethod':
    '{n, plural, one {Connexions du jour par méthode (UTC)} other {Connexions par jour sur les # derniers jours, par méthode (UTC)}}',
  'admin.reports.figures': 'Les chiffres, jour par jour',
  'admin.reports.date': 'Date (UTC)',
  'admin.reports.total': 'Total',
  'admin.reports.tip': '{date} · {label} : {value}',
  'admin.reports.passwordOnly': 'Mot de passe seul, ou aucune',
  'admin.reports.password': 'Mot de passe',
} satisfies Record<keyof typeof en, string>;
