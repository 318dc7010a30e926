import type en from './en.ts';

// Spanish (es): the admin portal. Keys and {placeholders} exactly as in en.ts;
// Microsoft's Spanish for Entra (inicio de sesión, aplicado, registro de auditoría).
export default {
  'admin.layout.title': '{title} · Administración de Portcullis',
  'admin.layout.brand': 'Administración de Portcullis',
  'admin.layout.skip': 'Ir al contenido',
  'admin.layout.nav': 'Administración',
  'admin.layout.signOut': 'Cerrar sesión',
  'admin.nav.users': 'Usuarios',
  'admin.nav.groups': 'Grupos',
  'admin.nav.bulk': 'Actualización masiva',
  'admin.nav.settings': 'Configuración del servicio',
  'admin.nav.methodsPolicy': 'Métodos de autenticación',
  'admin.nav.signins': 'Inicios de sesión',
  'admin.nav.audit': 'Registro de auditoría',
  'admin.nav.tokens': 'Tokens de API',
  'admin.nav.apps': 'Aplicaciones',
  'admin.nav.directory': 'Directorio',
  'admin.needsPasskey':
    'El portal de administración necesita un inicio de sesión con una llave de acceso: ábralo de nuevo para iniciar sesión con una.',
  'admin.noPasskey':
    'El portal de administración necesita un inicio de sesión con una llave de acceso, y no puede usar ni registrar ninguna. Pida ayuda a otro administrador o desactive el requisito en el servidor (portcullis settings set adminPhishingResistant off).',
  'admin.forbidden': 'El portal de administración es solo para administradores.',
  'admin.confirm.title': 'Confirme la acción',

  'admin.common.cancel': 'Cancelar',
  'admin.common.copy': 'Copiar',
  'admin.common.save': 'Guardar',
  'admin.common.saved': 'Guardado.',
  'admin.common.search': 'Buscar',
  'admin.common.change': 'Cambiar…',
  'admin.common.continue': 'Continuar…',
  'admin.common.deleteAsk': 'Eliminar…',
  'admin.common.yes': 'Sí',
  'admin.common.no': 'No',
  'admin.common.any': 'Todos',
  'admin.common.name': 'Nombre',
  'admin.common.displayName': 'Nombre para mostrar',
  'admin.common.userName': 'Nombre de usuario',
  'admin.common.user': 'Usuario',
  'admin.common.mfaState': 'Estado de MFA',
  'admin.common.method': 'Método',
  'admin.common.source': 'Origen',
  'admin.common.role': 'Rol',
  'admin.common.created': 'Creado',
  'admin.common.lastUsed': 'Último uso',
  'admin.common.lastSignin': 'Último inicio de sesión',
  'admin.common.time': 'Fecha',
  'admin.common.result': 'Resultado',
  'admin.common.actions': 'Acciones',
  'admin.common.appPasswords': 'Contraseñas de aplicación',
  'admin.common.pages': 'Páginas',
  'admin.common.firstPage': 'Primera página',
  'admin.common.nextPage': 'Página siguiente',
  'admin.common.backToUsers': 'Volver a los usuarios',

  'admin.users.new': 'Nuevo usuario',
  'admin.users.import': 'Importar desde CSV',
  'admin.users.exportThese': 'Exportar estos usuarios como CSV',
  'admin.users.exportAll': 'Exportar todos los usuarios como CSV',
  'admin.users.search': 'Buscar por nombre o nombre de usuario',
  'admin.users.perPage': 'Por página',
  'admin.users.noMatch': 'Ningún usuario coincide.',
  'admin.users.caption': 'Usuarios, por nombre de usuario',
  'admin.users.captionContinued': 'Usuarios (continuación), por nombre de usuario',
  'admin.users.selectPage': 'Seleccionar todos los usuarios de esta página',
  'admin.users.select': 'Seleccionar a {name} ({upn})',
  'admin.users.defaultMethod': 'Método predeterminado',
  'admin.users.tagAdmin': 'admin',
  'admin.users.tagDirectory': 'directorio',
  'admin.users.tagBlocked': 'bloqueado',
  'admin.users.scopeAllPages':
    'No solo los seleccionados: todos los usuarios que coinciden con esta búsqueda (en todas las páginas)',
  'admin.users.scopeAllUsers':
    'No solo los seleccionados: todos los usuarios que coinciden con esta búsqueda (todos los usuarios)',
  'admin.users.withSelected': 'Con los usuarios seleccionados',
  'admin.users.deleted': 'Se ha eliminado {upn}.',
  'admin.users.doneSome': 'Hecho.',
  'admin.users.chooseAction': 'Elija una de las acciones.',
  'admin.users.selectFirst': 'Seleccione primero al menos un usuario.',
  'admin.users.tooManyMatch':
    '{max, plural, one {Coincide más de # usuario: restrinja la búsqueda o use un archivo de actualización masiva.} other {Coinciden más de # usuarios: restrinja la búsqueda o use un archivo de actualización masiva.}}',
  'admin.users.nameNow': '{name} ({upn}): actualmente {state}',
  'admin.users.andMore': '{n, plural, one {…y # más} other {…y # más}}',
  'admin.users.includesAdmins':
    'Incluye administradores ({admins}): su contraseña también dejará de funcionar en los clientes que no son navegadores.',
  'admin.users.already':
    '{n, plural, one {# de ellos ya está en ese estado y no cambia.} other {# de ellos ya están en ese estado y no cambian.}}',

  'admin.users.action.Enabled.button': 'Habilitar',
  'admin.users.action.Enabled.title': 'Habilitar MFA',
  'admin.users.action.Enabled.summary':
    '{n, plural, one {Habilitar MFA para # usuario.} other {Habilitar MFA para # usuarios.}}',
  'admin.users.action.Enabled.confirm':
    '{n, plural, one {Habilitar para # usuario} other {Habilitar para # usuarios}}',
  'admin.users.action.Enabled.done':
    '{n, plural, one {Hecho: MFA habilitada para # usuario.} other {Hecho: MFA habilitada para # usuarios.}}',
  'admin.users.action.Enabled.explain':
    'En su próximo inicio de sesión en el navegador se les pedirá que registren un método de verificación y después pasarán a Aplicado. Hasta entonces, su contraseña sigue funcionando en otros programas.',
  'admin.users.action.Enforced.button': 'Aplicar',
  'admin.users.action.Enforced.title': 'Aplicar MFA',
  'admin.users.action.Enforced.summary':
    '{n, plural, one {Aplicar MFA a # usuario.} other {Aplicar MFA a # usuarios.}}',
  'admin.users.action.Enforced.confirm':
    '{n, plural, one {Aplicar a # usuario} other {Aplicar a # usuarios}}',
  'admin.users.action.Enforced.done':
    '{n, plural, one {Hecho: MFA aplicada a # usuario.} other {Hecho: MFA aplicada a # usuarios.}}',
  'admin.users.action.Enforced.explain':
    'Deben usar la autenticación multifactor en el navegador, y su contraseña deja de funcionar en los programas que no admiten MFA (aplicaciones de correo, versiones antiguas de Office, scripts): esos necesitan contraseñas de aplicación. Los usuarios que aún no han registrado un método lo harán en su próximo inicio de sesión.',
  'admin.users.action.Disabled.button': 'Deshabilitar',
  'admin.users.action.Disabled.title': 'Deshabilitar MFA',
  'admin.users.action.Disabled.summary':
    '{n, plural, one {Deshabilitar MFA para # usuario.} other {Deshabilitar MFA para # usuarios.}}',
  'admin.users.action.Disabled.confirm':
    '{n, plural, one {Deshabilitar para # usuario} other {Deshabilitar para # usuarios}}',
  'admin.users.action.Disabled.done':
    '{n, plural, one {Hecho: MFA deshabilitada para # usuario.} other {Hecho: MFA deshabilitada para # usuarios.}}',
  'admin.users.action.Disabled.explain':
    'Ya no se les pedirá un segundo factor y su contraseña vuelve a funcionar en todos los programas. Sus métodos registrados se conservan.',
  'admin.users.action.reset-methods.button': 'Exigir que vuelvan a registrar los métodos',
  'admin.users.action.reset-methods.title': 'Exigir que vuelvan a registrar los métodos',
  'admin.users.action.reset-methods.summary':
    '{n, plural, one {Exigir a # usuario que vuelva a registrar sus métodos.} other {Exigir a # usuarios que vuelvan a registrar sus métodos.}}',
  'admin.users.action.reset-methods.confirm':
    '{n, plural, one {Exigir nuevo registro a # usuario} other {Exigir nuevo registro a # usuarios}}',
  'admin.users.action.reset-methods.done':
    '{n, plural, one {Hecho: # usuario volverá a registrar sus métodos en el próximo inicio de sesión.} other {Hecho: # usuarios volverán a registrar sus métodos en el próximo inicio de sesión.}}',
  'admin.users.action.reset-methods.explain':
    'Se quitan sus métodos de verificación registrados; los usuarios cuyo estado exige MFA vuelven a registrarse en el próximo inicio de sesión.',
  'admin.users.action.delete-app-passwords.button': 'Eliminar todas las contraseñas de aplicación',
  'admin.users.action.delete-app-passwords.title': 'Eliminar todas las contraseñas de aplicación',
  'admin.users.action.delete-app-passwords.summary':
    '{n, plural, one {Eliminar todas las contraseñas de aplicación de # usuario.} other {Eliminar todas las contraseñas de aplicación de # usuarios.}}',
  'admin.users.action.delete-app-passwords.confirm':
    '{n, plural, one {Eliminar las contraseñas de aplicación de # usuario} other {Eliminar las contraseñas de aplicación de # usuarios}}',
  'admin.users.action.delete-app-passwords.done':
    '{n, plural, one {Hecho: # usuario ha perdido todas sus contraseñas de aplicación.} other {Hecho: # usuarios han perdido todas sus contraseñas de aplicación.}}',
  'admin.users.action.delete-app-passwords.explain':
    'Todas las contraseñas de aplicación que crearon se eliminan de inmediato; los programas que las usan dejan de iniciar sesión hasta que se creen otras nuevas.',
  'admin.users.action.restore-remembered-devices.button':
    'Restaurar MFA en los dispositivos recordados',
  'admin.users.action.restore-remembered-devices.title':
    'Restaurar MFA en los dispositivos recordados',
  'admin.users.action.restore-remembered-devices.summary':
    '{n, plural, one {Restaurar MFA en los dispositivos recordados de # usuario.} other {Restaurar MFA en los dispositivos recordados de # usuarios.}}',
  'admin.users.action.restore-remembered-devices.confirm':
    '{n, plural, one {Restaurar MFA para # usuario} other {Restaurar MFA para # usuarios}}',
  'admin.users.action.restore-remembered-devices.done':
    '{n, plural, one {Hecho: # usuario debe volver a usar MFA en todos los dispositivos.} other {Hecho: # usuarios deben volver a usar MFA en todos los dispositivos.}}',
  'admin.users.action.restore-remembered-devices.explain':
    'Todos los dispositivos en los que eligieron omitir la MFA la vuelven a pedir en el próximo inicio de sesión.',
  'admin.users.action.unlock-signin.button': 'Desbloquear el inicio de sesión',
  'admin.users.action.unlock-signin.title': 'Desbloquear el inicio de sesión',
  'admin.users.action.unlock-signin.summary':
    '{n, plural, one {Desbloquear el inicio de sesión de # usuario.} other {Desbloquear el inicio de sesión de # usuarios.}}',
  'admin.users.action.unlock-signin.confirm':
    '{n, plural, one {Desbloquear el inicio de sesión de # usuario} other {Desbloquear el inicio de sesión de # usuarios}}',
  'admin.users.action.unlock-signin.done':
    '{n, plural, one {Hecho: # usuario puede volver a intentar iniciar sesión.} other {Hecho: # usuarios pueden volver a intentar iniciar sesión.}}',
  'admin.users.action.unlock-signin.explain':
    'Sus recuentos de contraseñas y códigos incorrectos vuelven a empezar, en el navegador y en las interfaces heredadas, incluido un bloqueo tras 100 errores consecutivos, que no desaparece con la espera.',

  'admin.user.done.state': 'El estado de MFA ahora es {state}.',
  'admin.user.done.blocked':
    'El inicio de sesión está bloqueado; las sesiones abiertas han terminado.',
  'admin.user.done.unblocked': 'El inicio de sesión vuelve a estar permitido.',
  'admin.user.done.default': 'Se ha cambiado el método predeterminado.',
  'admin.user.done.methodDeleted': 'Se ha eliminado el método.',
  'admin.user.done.resetMethods':
    'Métodos quitados: el usuario volverá a registrarse en el próximo inicio de sesión.',
  'admin.user.done.deleteAppPasswords': 'Se han eliminado todas las contraseñas de aplicación.',
  'admin.user.done.restoreRememberedDevices': 'Los dispositivos recordados volverán a pedir MFA.',
  'admin.user.done.unlockSignin':
    'El inicio de sesión está desbloqueado: los intentos fallidos vuelven a contar desde cero.',
  'admin.user.done.invited': 'Se ha enviado una invitación a {email}.',
  'admin.user.done.invitedUser': 'Se ha enviado una invitación al usuario.',
  'admin.user.locked':
    'Demasiadas contraseñas o códigos incorrectos: este usuario debe esperar o está bloqueado (tras 100 errores seguidos). Elija {unlock} más abajo si fue el propio usuario.',
  'admin.user.details': 'Detalles',
  'admin.user.email': 'Correo electrónico',
  'admin.user.mobile': 'Teléfono móvil',
  'admin.user.adminGroup': '{name} (administradores)',
  'admin.user.sourceDirectory':
    'Directorio: {dn} (su contraseña, nombre y grupos se administran allí)',
  'admin.user.sourceLocal': 'Local (Portcullis guarda la contraseña)',
  'admin.user.roleAdmin': 'Administrador',
  'admin.user.roleUser': 'Usuario',
  'admin.user.signin': 'Inicio de sesión',
  'admin.user.blockedByDirectory':
    'Bloqueado: el directorio ha deshabilitado la cuenta o ya no la tiene',
  'admin.user.blocked': 'Bloqueado',
  'admin.user.allowed': 'Permitido',
  'admin.user.fraudReported': 'Actividad sospechosa informada',
  'admin.user.password': 'Contraseña',
  'admin.user.passwordOneTime':
    'Contraseña de un solo uso: debe cambiarse en el próximo inicio de sesión',
  'admin.user.passwordNone': 'Ninguna todavía',
  'admin.user.passwordInvited':
    'Ninguna todavía (invitado: el usuario la establece desde el correo)',
  'admin.user.edit': 'Editar',
  'admin.user.setState': 'Establecer el estado de MFA',
  'admin.user.block': 'Bloquear el inicio de sesión…',
  'admin.user.unblock': 'Permitir el inicio de sesión…',
  'admin.user.resetPassword': 'Restablecer la contraseña…',
  'admin.user.inviteNewPassword': 'Enviar una invitación (para establecer una contraseña nueva)',
  'admin.user.inviteAgain': 'Volver a enviar la invitación',
  'admin.user.delete': 'Eliminar usuario…',
  'admin.user.methods': 'Métodos de verificación',
  'admin.user.noMethods': 'Ningún método registrado.',
  'admin.user.methodsCaption': 'Métodos registrados',
  'admin.user.default': 'Predeterminado',
  'admin.user.phone': 'Teléfono',
  'admin.user.added': 'Añadido',
  'admin.user.makeDefault': 'Establecer como predeterminado',
  'admin.user.noAppPasswords': 'Ninguna contraseña de aplicación.',
  'admin.user.usedFrom': 'Desde',
  'admin.user.devices': 'Dispositivos recordados',
  'admin.user.deviceCount':
    '{n, plural, =0 {Ningún dispositivo omite la MFA para este usuario.} one {# dispositivo omite actualmente la MFA.} other {# dispositivos omiten actualmente la MFA.}}',
  'admin.user.manage': 'Administrar la configuración del usuario',
  'admin.user.manageLegend': 'Elija qué hacer',
  'admin.user.manage.resetMethods':
    'Exigir al usuario que vuelva a proporcionar métodos de contacto',
  'admin.user.manage.deleteAppPasswords':
    'Eliminar todas las contraseñas de aplicación existentes generadas por el usuario',
  'admin.user.manage.restoreRememberedDevices':
    'Restaurar la autenticación multifactor en todos los dispositivos recordados',
  'admin.user.manage.unlockSignin':
    'Desbloquear el inicio de sesión tras demasiados intentos fallidos',
  'admin.user.chooseWhat': 'Elija qué hacer.',
  'admin.user.recentSignins': 'Inicios de sesión recientes',
  'admin.user.allSignins': 'Todos los inicios de sesión de este usuario',
  'admin.user.auditEvents': 'Eventos de auditoría',
  'admin.user.setStateConfirm': 'Establecer el estado de MFA en {state}',
  'admin.user.blockExplain':
    '{name} no podrá iniciar sesión en ningún sitio (navegador, contraseñas de aplicación, LDAP, RADIUS) hasta que se vuelva a permitir, y sus sesiones abiertas terminan ahora.',
  'admin.user.blockConfirm': 'Bloquear el inicio de sesión',
  'admin.user.unblockExplain': '{name} podrá volver a iniciar sesión.',
  'admin.user.unblockExplainFraud':
    '{name} podrá iniciar sesión de nuevo, aunque sigue con riesgo alto tras informar de actividad sospechosa: descarte el riesgo cuando haya revisado el informe.',
  'admin.user.unblockConfirm': 'Permitir el inicio de sesión',
  'admin.user.resetExplain':
    'Se genera una contraseña de un solo uso para {name} que se le mostrará una sola vez; su contraseña actual deja de funcionar y sus sesiones abiertas terminan. En el próximo inicio de sesión se elige una contraseña nueva.',
  'admin.user.resetConfirm': 'Restablecer la contraseña',
  'admin.user.otpTitle': 'Contraseña de un solo uso para {upn}',
  'admin.user.otpAdvice':
    'Entréguesela al usuario por un canal seguro. Solo se muestra ahora; el usuario debe cambiarla en el próximo inicio de sesión.',
  'admin.user.methodGone': 'Ese método ya no existe.',
  'admin.user.deleteMethod': 'Se elimina el método {method} de {name}.',
  'admin.user.deleteMethodPhone': 'Se elimina el método {method} ({phone}) de {name}.',
  'admin.user.deleteOnlyMethod':
    'Es su único método: volverá a registrar uno en el próximo inicio de sesión.',
  'admin.user.deleteMethodConfirm': 'Eliminar el método',

  'admin.signins.none': 'Ningún inicio de sesión.',
  'admin.signins.caption': 'Inicios de sesión, los más recientes primero',
  'admin.signins.reason': 'Motivo',
  'admin.signins.application': 'Aplicación',
  'admin.signins.front': 'Interfaz',
  'admin.signins.browser': 'navegador',
  'admin.signins.address': 'Dirección',
  'admin.signins.result.success': 'Correcto',
  'admin.signins.result.failure': 'Fallido',
  'admin.signins.result.interrupted': 'Interrumpido',

  'admin.userForm.upn': 'Nombre de usuario (UPN)',
  'admin.userForm.email': 'Dirección de correo electrónico',
  'admin.userForm.emailInvite': 'Dirección de correo electrónico (la invitación se envía aquí)',
  'admin.userForm.mobile': 'Teléfono móvil (se ofrece cuando el usuario registra un teléfono)',
  'admin.userForm.language': 'Idioma (p. ej., en, de, fr-CA)',
  'admin.userForm.invite':
    'Enviar una invitación por correo electrónico: el usuario elige una contraseña y registra sus métodos',
  'admin.userForm.oneTime':
    'Crear una contraseña de un solo uso, que se muestra aquí una vez y debe cambiarse en el primer inicio de sesión',
  'admin.userForm.create': 'Crear usuario',
  'admin.userForm.importLink': 'Importar usuarios desde un archivo CSV',
  'admin.userForm.editTitle': 'Editar a {name}',
  'admin.userForm.fromDirectory':
    'El nombre de usuario, el correo electrónico y el número de móvil proceden del directorio.',
  'admin.userForm.otpAdvice':
    'Entréguesela al usuario de forma segura: solo se muestra ahora y debe cambiarse en el primer inicio de sesión.',
  'admin.userForm.deleteTitle': 'Eliminar a {name}',
  'admin.userForm.deleteQuestion': '¿Eliminar a {name} ({upn})?',
  'admin.userForm.deleteExplain':
    'Sus métodos, contraseñas de aplicación, sesiones y pertenencias a grupos se eliminan con él. No se puede deshacer.',
  'admin.userForm.deleteExplainDirectory':
    'Sus métodos, contraseñas de aplicación, sesiones y pertenencias a grupos se eliminan con él. No se puede deshacer; la próxima sincronización del directorio lo volverá a crear mientras el directorio lo tenga.',
  'admin.userForm.deleteConfirm': 'Eliminar {upn}',

  'admin.upload.template': 'Descargar la plantilla',
  'admin.upload.file': 'Archivo CSV',
  'admin.upload.check': 'Comprobar el archivo',
  'admin.upload.noFile': 'Elija un archivo CSV para cargar.',
  'admin.upload.notUtf8':
    'El archivo no es texto UTF-8. Guárdelo como «CSV UTF-8» y vuelva a intentarlo.',
  'admin.upload.preview': 'Vista previa',
  'admin.upload.nothing': 'No hay nada que cambiar.',
  'admin.upload.another': 'Cargar otro archivo',
  'admin.upload.anotherShort': 'Otro archivo',
  'admin.upload.apply': '{n, plural, one {Aplicar # cambio} other {Aplicar # cambios}}',
  'admin.upload.applySkipping':
    '{changeCount, plural, one {Aplicar # cambio} other {Aplicar # cambios}} ({errorCount, plural, one {omitir # fila con errores} other {omitir # filas con errores}})',
  'admin.upload.errorsSkipped':
    '{n, plural, one {con errores, se omitirá} other {con errores, se omitirán}}',
  'admin.upload.errorsNotApplied':
    '{n, plural, one {con errores, no aplicada} other {con errores, no aplicadas}}',
  'admin.upload.everyRow': 'Todas las filas del archivo, primero las que tienen errores',
  'admin.upload.line': 'Línea',
  'admin.upload.error': 'Error',
  'admin.upload.rowError': 'Error: {error}',
  'admin.upload.rowNoChange': 'Sin cambios',
  'admin.upload.moreRows':
    '{n, plural, one {…y # fila más sin errores.} other {…y # filas más sin errores.}}',
  'admin.upload.applying': 'Aplicando',
  'admin.upload.checkingRows': 'Comprobando las filas',
  'admin.upload.result': 'Resultado',
  'admin.upload.notApplied': 'Filas no aplicadas',

  'admin.import.title': 'Importar usuarios',
  'admin.import.intro':
    'Cargue un archivo CSV cuya primera línea nombre sus columnas: {columns}. Solo {upn} es obligatoria; un campo vacío no cambia nada; para los usuarios nuevos, {email} es de forma predeterminada el nombre de usuario; {mfa} es Disabled, Enabled o Enforced. {template}.',
  'admin.import.how':
    'Los usuarios nuevos se crean sin contraseña y reciben una invitación por correo electrónico; los existentes se actualizan donde una columna aporta algo nuevo. Primero se comprueba cada fila y nada cambia hasta que aplique los cambios; al aplicarlos se escriben todas las filas correctas en una sola transacción, nunca una fila con errores.',
  'admin.import.toCreate': '{n, plural, one {por crear} other {por crear}}',
  'admin.import.toUpdate': '{n, plural, one {por actualizar} other {por actualizar}}',
  'admin.import.created': '{n, plural, one {creado} other {creados}}',
  'admin.import.updated': '{n, plural, one {actualizado} other {actualizados}}',
  'admin.import.unchanged': '{n, plural, one {sin cambios} other {sin cambios}}',
  'admin.import.invited':
    '{n, plural, one {invitado por correo electrónico} other {invitados por correo electrónico}}',
  'admin.import.invite': 'Enviar a los usuarios nuevos una invitación por correo electrónico',
  'admin.import.rowCreate': 'Crear',
  'admin.import.rowUpdate': 'Actualizar: {changes}',
  'admin.import.writingUsers': 'Escribiendo los usuarios',
  'admin.import.failed': 'La importación ha fallado y no se ha cambiado nada.',

  'admin.bulk.intro':
    'Cargue un archivo CSV con el formato de la plantilla de Microsoft: una línea de encabezado {header} y después un usuario por línea con Disabled, Enabled o Enforced (UTF-8, con o sin BOM). {template}.',
  'admin.bulk.how':
    'Primero se comprueba cada fila y nada cambia hasta que aplique los cambios. Al aplicarlos se escriben todas las filas correctas en una sola transacción (o cambian todas o ninguna) y nunca una fila con errores.',
  'admin.bulk.willChange': '{n, plural, one {cambiará} other {cambiarán}}',
  'admin.bulk.changed': '{n, plural, one {cambiado} other {cambiados}}',
  'admin.bulk.already': '{n, plural, one {ya está en ese estado} other {ya están en ese estado}}',
  'admin.bulk.now': 'Actual',
  'admin.bulk.new': 'Nuevo',
  'admin.bulk.rowChange': 'Cambiar',
  'admin.bulk.writingChanges': 'Escribiendo los cambios',
  'admin.bulk.failed': 'La actualización ha fallado y no se ha cambiado nada.',

  'admin.groups.deleted': 'Se ha eliminado el grupo {name}.',
  'admin.groups.search': 'Buscar por nombre',
  'admin.groups.none': 'No hay grupos.',
  'admin.groups.caption': 'Grupos, por nombre',
  'admin.groups.members': 'Miembros',
  'admin.groups.roleAdmins': 'Administradores',
  'admin.groups.source.local': 'local',
  'admin.groups.source.scim': 'SCIM',
  'admin.groups.source.directory': 'directorio',
  'admin.groups.new': 'Nuevo grupo',
  'admin.groups.description': 'Descripción',
  'admin.groups.adminRole': 'Los miembros son administradores',
  'admin.groups.create': 'Crear grupo',
  'admin.group.added': 'Miembros agregados.',
  'admin.group.removed': 'Miembro quitado.',
  'admin.group.stateSet':
    '{n, plural, one {Estado de MFA establecido para los miembros (# cambiado).} other {Estado de MFA establecido para los miembros (# cambiados).}}',
  'admin.group.stateSetSome': 'Estado de MFA establecido para los miembros.',
  'admin.group.sourceDirectory': 'Directorio (su nombre y sus miembros se administran allí)',
  'admin.group.sourceScim': 'Aprovisionamiento (SCIM)',
  'admin.group.sourceLocal': 'Creado aquí',
  'admin.group.roleNone': 'Ninguno',
  'admin.group.addUsers':
    'Agregar usuarios (nombres de usuario separados por espacios, comas o saltos de línea)',
  'admin.group.add': 'Agregar',
  'admin.group.remove': 'Quitar',
  'admin.group.moreMembers': 'Más miembros',
  'admin.group.stateTitle': 'Estado de MFA de todos los miembros',
  'admin.group.setTo': 'Establecer en',
  'admin.group.delete': 'Eliminar grupo…',
  'admin.group.stateSummary':
    '{n, plural, one {Establecer el estado de MFA del # miembro de {group} en {state}.} other {Establecer el estado de MFA de los # miembros de {group} en {state}.}}',
  'admin.group.stateExplain':
    'Los miembros que ya están en ese estado no cambian; los usuarios que se unan más tarde no se modifican.',
  'admin.group.stateConfirm': 'Establecer en {state}',
  'admin.group.deleteQuestion': '¿Eliminar el grupo {group}?',
  'admin.group.deleteExplain':
    '{n, plural, =0 {No tiene miembros.} one {Su # miembro sigue siendo usuario.} other {Sus # miembros siguen siendo usuarios.}}',
  'admin.group.deleteExplainAdmins':
    '{n, plural, =0 {No tiene miembros.} one {Su # miembro sigue siendo usuario, pero pierde el rol de administrador que le daba el grupo.} other {Sus # miembros siguen siendo usuarios, pero pierden el rol de administrador que les daba el grupo.}}',
  'admin.group.deleteConfirm': 'Eliminar {group}',

  'admin.settings.saved': 'Configuración guardada.',
  'admin.settings.notSaved': 'No se ha guardado: {reason}',
  'admin.settings.wholeNumber': '{field}: indique un número entero.',
  // A user's Temporary Access Pass.
  'admin.pass.title': 'Pase de acceso temporal',
  'admin.pass.none':
    'Sin pase. Un pase permite al usuario iniciar sesión y registrar métodos sin ningún otro método (primer día, teléfono perdido).',
  'admin.pass.notForUser': 'La directiva de métodos no da pases de acceso temporal a este usuario.',
  'admin.pass.active': 'Un pase está activo hasta {expires}.',
  'admin.pass.activeOnce': 'Un pase de un solo uso está activo hasta {expires}.',
  'admin.pass.used': 'El pase de un solo uso se utilizó: ya no inicia sesión.',
  'admin.pass.expired': 'El pase ha caducado.',
  'admin.pass.revoke': 'Revocar el pase',
  'admin.pass.lifetime': 'Validez',
  'admin.pass.oneTime': 'Solo para un inicio de sesión',
  'admin.pass.create': 'Crear un pase',
  'admin.pass.replace': 'Crear un pase nuevo (sustituye a este)',
  'admin.pass.createExplain':
    'Un pase de acceso temporal permite a {name} iniciar sesión y registrar métodos de verificación sin ningún otro método. Sustituye a cualquier pase anterior y solo se muestra una vez.',
  'admin.pass.createConfirm': 'Crear el pase',
  'admin.pass.revokeExplain': 'El pase de acceso temporal de {name} ya no iniciará sesión.',
  'admin.pass.revokeConfirm': 'Revocar',
  'admin.pass.revoked': 'Se revocó el pase.',
  'admin.pass.shownTitle': 'Pase de acceso temporal para {upn}',
  'admin.pass.shownAdvice':
    'Entrégueselo usted mismo al usuario (en persona o por teléfono): solo se muestra ahora. Inicia sesión hasta que caduque.',
  'admin.pass.shownAdviceOnce':
    'Entrégueselo usted mismo al usuario (en persona o por teléfono): solo se muestra ahora y vale para un inicio de sesión.',
  'admin.pass.minutes': '{n, plural, one {# minuto} other {# minutos}}',
  'admin.pass.hours': '{n, plural, one {# hora} other {# horas}}',
  'admin.pass.days': '{n, plural, one {# día} other {# días}}',
  // The authentication methods policy.
  'admin.settings.methodsMoved': 'Qué métodos se pueden usar, y quién, se establece en {link}.',
  'admin.methodsPolicy.intro':
    'Los métodos de verificación que las personas pueden registrar y usar: cada uno para todos los usuarios o para los miembros de grupos elegidos, nunca para los miembros de un grupo excluido. Un método desactivado no se ofrece ni se acepta.',
  'admin.methodsPolicy.caption': 'Métodos y quién puede usarlos',
  'admin.methodsPolicy.method': 'Método',
  'admin.methodsPolicy.state': 'Estado',
  'admin.methodsPolicy.target': 'Para',
  'admin.methodsPolicy.excluded': 'Excluidos',
  'admin.methodsPolicy.options': 'Opciones',
  'admin.methodsPolicy.on': 'Activado',
  'admin.methodsPolicy.off': 'Desactivado',
  'admin.methodsPolicy.allUsers': 'Todos los usuarios',
  'admin.methodsPolicy.selected': 'Miembros de estos grupos',
  'admin.methodsPolicy.includeHelp':
    'Grupos, un nombre por línea (si no es para todos los usuarios)',
  'admin.methodsPolicy.excludeHelp':
    'Nunca para los miembros de estos grupos (un nombre por línea)',
  'admin.methodsPolicy.enabled': 'Activar {method}',
  'admin.methodsPolicy.useForSignIn':
    'Ofrecer SMS para iniciar sesión (desactivado: aún se puede registrar un número, solo para recuperación)',
  'admin.methodsPolicy.smsSignIn': 'Para iniciar sesión',
  'admin.methodsPolicy.smsRecovery': 'Solo para recuperación',
  'admin.methodsPolicy.phones': 'Las llamadas pueden sonar en',
  'admin.methodsPolicy.phone.mobile': 'Teléfono móvil',
  'admin.methodsPolicy.phone.alternateMobile': 'Teléfono móvil alternativo',
  'admin.methodsPolicy.phone.office': 'Teléfono de oficina',
  'admin.methodsPolicy.attestationRequired':
    'Exigir atestación: una llave de acceso nueva debe demostrar su marca y modelo con un certificado de un fabricante de confianza (las raíces de PORTCULLIS_PASSKEY_ATTESTATION_ROOTS). Las llaves ya registradas no se ven afectadas.',
  'admin.methodsPolicy.attested': 'atestación exigida',
  'admin.methodsPolicy.aaguids':
    'Modelos de autenticador permitidos (AAGUID, uno por línea; vacío: cualquier modelo)',
  'admin.methodsPolicy.models':
    '{n, plural, one {# modelo de autenticador} other {# modelos de autenticador}}',
  'admin.methodsPolicy.method.authenticator':
    'Notificaciones en la aplicación (Portcullis Authenticator)',
  'admin.methodsPolicy.method.totp': 'Códigos de una aplicación de autenticación (TOTP)',
  'admin.methodsPolicy.method.sms': 'SMS',
  'admin.methodsPolicy.method.voice': 'Llamadas de voz',
  'admin.methodsPolicy.method.passkey': 'Llaves de acceso',
  'admin.methodsPolicy.method.recoveryCodes': 'Códigos de recuperación',
  'admin.methodsPolicy.method.temporaryAccessPass': 'Pase de acceso temporal',
  'admin.settings.systemPreferredMfa':
    'Pedir primero el método más seguro de cada usuario (llave de acceso, notificación, código de aplicación, luego SMS o llamada), no su método predeterminado (MFA preferida por el sistema); puede elegir otro',
  'admin.methodsPolicy.method.registrationCampaign': 'Campaña de registro',
  'admin.methodsPolicy.campaignOptions': 'Qué se pide a los usuarios',
  'admin.methodsPolicy.campaign.methods':
    'Pedir a los usuarios que inician sesión con un SMS o una llamada que configuren',
  'admin.methodsPolicy.campaign.method.authenticator': 'Portcullis Authenticator',
  'admin.methodsPolicy.campaign.method.passkey': 'una llave de acceso',
  'admin.methodsPolicy.campaign.snoozeDays': 'Días que «Ahora no» aplaza la pregunta (0 a 14)',
  'admin.methodsPolicy.campaign.snoozeLimit':
    'Veces que un usuario puede decir «Ahora no» (1 a 10; 0: sin límite)',
  'admin.methodsPolicy.campaignSummary':
    '{methods}; se vuelve a preguntar {days, plural, =0 {en cada inicio de sesión} one {tras # día} other {tras # días}}; {limit, plural, =0 {«Ahora no» sin límite} one {«Ahora no» # vez} other {«Ahora no» # veces}}',
  'admin.methodsPolicy.phoneOnly':
    '{count, plural, =0 {Ningún usuario depende solo de SMS o llamadas.} one {# usuario aún depende solo de SMS o llamadas.} other {# usuarios aún dependen solo de SMS o llamadas.}}',
  'admin.methodsPolicy.passOptions': 'Pases',
  'admin.methodsPolicy.pass.defaultLifetimeMinutes':
    'Validez de un pase si el administrador no elige otra (minutos)',
  'admin.methodsPolicy.pass.maxLifetimeMinutes':
    'Validez más larga (minutos; como máximo 43200, 30 días)',
  'admin.methodsPolicy.pass.defaultLength': 'Caracteres de un pase (8 a 48)',
  'admin.methodsPolicy.pass.oneTimeOnly': 'Cada pase vale solo para un inicio de sesión',
  'admin.methodsPolicy.passSummary':
    '{default} min por defecto, {longest} min como máximo; {length} caracteres',
  'admin.methodsPolicy.passSummaryOnce':
    '{default} min por defecto, {longest} min como máximo; {length} caracteres; un inicio de sesión cada uno',
  'admin.settings.methods': 'Opciones de verificación: métodos que pueden usar los usuarios',
  'admin.settings.appPasswordsAllowed':
    'Permitir que los usuarios creen contraseñas de aplicación para iniciar sesión en programas que no admiten MFA',
  'admin.settings.rememberDevices':
    'Recordar la autenticación multifactor en dispositivos de confianza',
  'admin.settings.rememberDevicesEnabled':
    'Permitir que los usuarios recuerden la MFA en los dispositivos en los que confían',
  'admin.settings.registration': 'Registro y contraseñas',
  'admin.settings.passwordChangeRevokesAppPasswords':
    'Cuando los usuarios cambien su contraseña, eliminar también sus contraseñas de aplicación',
  'admin.settings.mail': 'Correo electrónico a los usuarios (si tienen una dirección)',
  'admin.settings.mailOnMethodChange':
    'Cuando se agrega o se quita un método de verificación de su cuenta',
  'admin.settings.mailOnAppPassword': 'Cuando se crea una contraseña de aplicación',
  'admin.settings.mailOnPasswordChange': 'Cuando cambia su contraseña',
  'admin.settings.passkeys': 'Llaves de acceso',
  'admin.settings.adminPhishingResistant':
    'Los administradores necesitan un inicio de sesión resistente a la suplantación de identidad (una llave de acceso) para este portal; a una sesión más débil se le pide. Los tokens de API y la línea de comandos en el servidor no se ven afectados.',
  'admin.settings.adminPhishingResistantFirst':
    'Inicie sesión primero con una llave de acceso (abra el portal en un nuevo inicio de sesión y use su llave), para que activar esto no le deje fuera.',
  'admin.settings.passwordlessSignin':
    'Permitir iniciar sesión solo con una llave de acceso, sin contraseña (el PIN o la biometría de la llave de acceso cuenta como segundo factor)',
  'admin.settings.fatigue': 'Portcullis Authenticator (fatiga de MFA)',
  'admin.settings.namedLocations': 'Ubicaciones con nombre',
  'admin.settings.namedLocationsHelp':
    'Ubicaciones con nombre: una por línea, un intervalo y después su nombre, p. ej., 10.1.0.0/16 Oficina de Praga (Portcullis Authenticator muestra la más específica que contenga la dirección de una solicitud)',
  'admin.settings.trustedIps': 'IP de confianza',
  'admin.settings.trustedIpsHelp':
    'Omitir la MFA en los inicios de sesión desde el navegador procedentes de estos intervalos (un CIDR por línea, IPv4 o IPv6, p. ej., 10.0.0.0/8 o 2001:db8::/32)',
  'admin.settings.fraud': 'Informar de actividad sospechosa',
  'admin.settings.fraudAlertEnabled':
    'Permitir que los usuarios informen de una llamada, un SMS o una notificación que no pidieron',
  'admin.settings.limits': 'Validez de los códigos y límites de envío',
  'admin.settings.number.rememberDevicesDays':
    'Días durante los que un dispositivo recordado omite la MFA (1–365)',
  'admin.settings.number.proofupGraceDays':
    'Días que los usuarios en estado Habilitado pueden aplazar el registro de un método (0–90; 0: nunca)',
  'admin.settings.number.pushFatigueLimit':
    'Pausar las notificaciones de la aplicación tras este número de solicitudes denegadas o sin respuesta (1–20)',
  'admin.settings.number.pushFatigueMinutes': '… en este número de minutos (1–1440)',
  'admin.settings.number.phoneCodeMinutes':
    'Minutos durante los que es válido un código enviado por SMS (1–10)',
  'admin.settings.number.callTimeoutSeconds':
    'Segundos que una llamada de verificación espera a que se pulse # (10–300)',
  'admin.settings.number.sendLimitPerUser': 'SMS y llamadas por usuario en 15 minutos',
  'admin.settings.number.sendLimitPerNumber': 'SMS y llamadas por número de teléfono en 15 minutos',
  'admin.settings.number.sendLimitPerAddress':
    'SMS y llamadas por dirección de cliente en 15 minutos',

  'admin.logs.filter': 'Filtrar',
  'admin.logs.export': 'Exportar todas las entradas coincidentes como CSV',
  'admin.logs.newest': 'Más recientes',
  'admin.logs.older': 'Entradas anteriores',
  'admin.logs.method': 'Método (p. ej., PhoneAppOTP, password, app password)',
  'admin.logs.application': 'Id. de aplicación',
  'admin.logs.since': 'Desde (p. ej., 2026-11-01)',
  'admin.logs.until': 'Hasta',
  'admin.audit.none': 'No hay eventos.',
  'admin.audit.caption': 'Eventos de auditoría, los más recientes primero',
  'admin.audit.who': 'Quién',
  'admin.audit.from': 'Desde',
  'admin.audit.action': 'Acción',
  'admin.audit.detail': 'Detalle',
  'admin.audit.userFilter': 'Usuario afectado',
  'admin.audit.actorFilter': 'Quién (nombre de usuario de un administrador, «token NOMBRE» o cli)',
  'admin.audit.actionFilter': 'Acción (p. ej., mfa_state_set)',

  'admin.tokens.intro':
    'Los tokens de la API de administración permiten que los scripts usen la API REST ({openapi}) y la línea de comandos con {url}. Un token se muestra una sola vez; solo se guarda su hash.',
  'admin.tokens.none': 'No hay tokens.',
  'admin.tokens.scope': 'Ámbito',
  'admin.tokens.personalData': 'Datos personales',
  'admin.tokens.by': 'Por',
  'admin.tokens.revoke': 'Revocar…',
  'admin.tokens.create': 'Crear un token',
  'admin.tokens.name': 'Nombre (para qué sirve)',
  'admin.tokens.scopeRead': 'Solo lectura: puede consultar, pero no cambiar nada',
  'admin.tokens.scopeReadWrite':
    'Lectura y escritura: puede hacer todo lo que ofrece la API de administración',
  'admin.tokens.scopeScim':
    'Aprovisionamiento SCIM: solo los puntos de conexión SCIM ({path}), para un proveedor de identidades o un sistema de RR. HH.',
  'admin.tokens.personalDataRight': 'Puede ver datos personales (números de teléfono completos)',
  'admin.tokens.createButton': 'Crear token',
  'admin.tokens.revoked': 'Token revocado.',
  'admin.tokens.chooseScope': 'Elija un ámbito.',
  'admin.tokens.created': 'Se ha creado el token «{name}»',
  'admin.tokens.storeNow': 'Guárdelo ahora: solo se muestra una vez.',
  'admin.tokens.noSuch': 'Ese token no existe.',
  'admin.tokens.revokeExplain':
    'Los scripts que usan el token «{name}» dejan de funcionar de inmediato.',
  'admin.tokens.revokeConfirm': 'Revocar el token',

  'admin.apps.front.verify': 'Verificación HTTP',
  'admin.apps.front.forwardAuth': 'Forward-auth',
  'admin.apps.front.ldap': 'LDAP',
  'admin.apps.front.radius': 'RADIUS',
  'admin.apps.kindLegacy': 'Heredada',
  'admin.apps.kindOidc': 'OpenID Connect',
  'admin.apps.kindMachine': 'OpenID Connect (máquina)',
  'admin.apps.deviceCode': 'Código de dispositivo en /device',
  'admin.apps.kindDevice': 'OpenID Connect (dispositivo)',
  'admin.apps.kindSaml': 'SAML 2.0',
  'admin.apps.samlEntity': 'ID de entidad',
  'admin.apps.radiusMode': 'Modo RADIUS',
  'admin.apps.radiusModeAppPassword':
    'Contraseña de aplicación (o la contraseña de la cuenta donde el estado MFA del usuario lo permita)',
  'admin.apps.radiusModeMfa':
    'MFA: la contraseña de la cuenta y después un segundo factor (un código tras un desafío o una aprobación en el teléfono)',
  'admin.apps.radiusMfaSet': 'RADIUS con MFA',
  'admin.apps.radiusOldClients':
    'Aceptar también solicitudes RADIUS sin Message-Authenticator (clientes antiguos como pam_radius_auth 2.0; más débil)',
  'admin.apps.radiusSaved': 'Se ha guardado la configuración RADIUS de «{name}».',
  'admin.apps.radiusTitle': 'Configuración RADIUS de {name}',
  'admin.apps.changeRadius': 'Configuración RADIUS',
  'admin.apps.radiusSecretSet': 'secreto RADIUS establecido',
  'admin.apps.clientCredentials': 'Credenciales de cliente',
  'admin.apps.afterSignout': 'Después de cerrar sesión:',
  'admin.apps.none': 'Aún no hay aplicaciones.',
  'admin.apps.id': 'Id. (id. de cliente)',
  'admin.apps.kind': 'Tipo',
  'admin.apps.uses': 'Interfaces o URI de redirección',
  'admin.apps.strength': 'Seguridad',
  'admin.apps.firstParty': 'Propia',
  'admin.apps.changeUris': 'Cambiar los URI de redirección…',
  'admin.apps.newSecret': 'Nuevo secreto de cliente…',
  'admin.apps.notAdded': 'No se ha agregado: {reason}',
  'admin.apps.notChanged': 'No se ha cambiado: {reason}',
  'admin.apps.redirectUris': 'URI de redirección, uno por línea (https; http solo para localhost)',
  'admin.apps.backchannelUri':
    'URI de cierre de sesión back-channel (opcional; se le avisa cuando termina una sesión: cierre de sesión, bloqueo, contraseña nueva)',
  'admin.apps.postLogoutUrisNew':
    'URI de redirección posteriores al cierre de sesión, uno por línea (opcional; adónde puede devolver a las personas el cierre de sesión en la aplicación, mismas reglas)',
  'admin.apps.postLogoutUrisEdit':
    'URI de redirección posteriores al cierre de sesión, uno por línea (adónde puede devolver a las personas el cierre de sesión en la aplicación; vacío si no hay ninguno)',
  'admin.apps.strengthHelp':
    'Seguridad de autenticación exigida (a un inicio de sesión más débil solo se le pide lo que falta)',
  'admin.apps.strength.none': 'Ninguna (decide el estado de MFA de cada usuario)',
  'admin.apps.strength.mfa': 'Autenticación multifactor',
  'admin.apps.strength.passwordless': 'MFA sin contraseña (una llave de acceso)',
  'admin.apps.strength.phishing-resistant':
    'MFA resistente a la suplantación de identidad (una llave de acceso)',
  'admin.apps.firstPartyHelp': 'Propia: nuestra propia aplicación, sin página de consentimiento',
  'admin.apps.idTokenAlg': 'Tokens de ID firmados con',
  'admin.apps.idTokenAlgRs256': 'RS256 (lo entiende cualquier cliente)',
  'admin.apps.idTokenAlgEs256': 'ES256 (más pequeño y rápido; el cliente debe admitirlo)',
  'admin.apps.machineHelp':
    'Cliente de máquina: credenciales de cliente, sin usuarios ni URI de redirección',
  'admin.apps.deviceHelp':
    'Cliente de dispositivo (herramientas de línea de comandos, televisores): los usuarios inician sesión en /device con el código que muestra; público, sin secreto de cliente ni URI de redirección',
  'admin.apps.addClient': 'Agregar cliente',
  'admin.apps.urisTitle': 'URI de redirección de «{name}»',
  'admin.apps.fronts': 'Interfaces que puede usar',
  'admin.apps.radiusSecret':
    '{max, plural, one {Secreto compartido de RADIUS (opcional, de {min} a # carácter; la aplicación pasa a ser un cliente RADIUS)} other {Secreto compartido de RADIUS (opcional, de {min} a # caracteres; la aplicación pasa a ser un cliente RADIUS)}}',
  'admin.apps.addLegacy': 'Agregar aplicación',
  'admin.apps.intro':
    'Las aplicaciones heredadas (servidores de correo, VPN, sitios detrás de un proxy) se identifican por su id. en las interfaces; los clientes de OpenID Connect lo usan como id. de cliente. Un secreto de cliente se muestra una sola vez; solo se guarda una copia sellada.',
  'admin.apps.addOidcTitle': 'Agregar un cliente de OpenID Connect',
  'admin.apps.addLegacyTitle': 'Agregar una aplicación heredada',
  'admin.apps.noSuch': 'Esa aplicación no existe (¿ya se ha eliminado?).',
  'admin.apps.deleted': 'Aplicación eliminada.',
  'admin.apps.added': 'Se ha agregado «{name}»: su id. de aplicación es {id}.',
  'admin.apps.urisSaved': 'Se han guardado los URI de redirección de «{name}».',
  'admin.apps.noUris':
    'Solo un cliente web (OpenID Connect, no un cliente de máquina) tiene URI de redirección.',
  'admin.apps.clientAdded': 'Se ha agregado el cliente «{name}»',
  'admin.apps.clientAddedAdvice':
    'Id. de cliente: {id}. Guarde ahora el secreto de cliente: solo se muestra una vez.',
  'admin.apps.deleteOidc':
    'Eliminar el cliente de OpenID Connect «{name}» ({id}). Sus concesiones y tokens se eliminan y dejan de funcionar de inmediato; la aplicación ya no puede iniciar la sesión de nadie. Las contraseñas de aplicación limitadas solo a ella se eliminan; las demás solo la quitan de su lista. No se puede deshacer.',
  'admin.apps.deleteLegacy':
    'Eliminar la aplicación «{name}» ({id}). Sus interfaces dejan de aceptar inicios de sesión para ella de inmediato. Las contraseñas de aplicación limitadas solo a ella se eliminan; las demás solo la quitan de su lista. No se puede deshacer.',
  'admin.apps.deleteConfirm': 'Eliminar la aplicación',
  'admin.apps.newSecretExplain':
    'Dar a «{name}» ({id}) un nuevo secreto de cliente. El secreto actual deja de funcionar de inmediato: la aplicación necesita el nuevo para obtener tokens. Los tokens que ya tiene siguen siendo válidos hasta que caduquen.',
  'admin.apps.newSecretConfirm': 'Crear un secreto nuevo',
  'admin.apps.newSecretTitle': 'Nuevo secreto de cliente para «{name}»',
  'admin.apps.newSecretAdvice':
    'Id. de cliente: {id}. Guarde ahora el secreto: solo se muestra una vez.',
  'admin.apps.serviceAccountSet': 'cuenta de servicio LDAP',
  'admin.apps.onlyGroups': 'Solo miembros de: {groups}',
  'admin.apps.noOne': 'Nadie (sus grupos se eliminaron)',
  'admin.apps.access': 'Quién puede usarla…',
  'admin.apps.accessTitle': 'Quién puede usar «{name}»',
  'admin.apps.accessAll': 'Todos los usuarios',
  'admin.apps.accessGroups':
    'Solo miembros de estos grupos: en todos los accesos heredados, y solo a ellos ve su cuenta de servicio LDAP',
  'admin.apps.accessGroupNames': 'Nombres de grupo, uno por línea',
  'admin.apps.accessSaved': 'Guardado quién puede usar «{name}».',
  'admin.apps.newServiceAccount': 'Nueva cuenta de servicio LDAP…',
  'admin.apps.deleteServiceAccount': 'Eliminar la cuenta de servicio LDAP…',
  'admin.apps.serviceAccountExplain':
    '«{name}» ({id}) recibe una nueva cuenta de servicio LDAP, para programas que buscan al usuario antes de autenticarlo. El secreto anterior deja de funcionar al instante.',
  'admin.apps.serviceAccountConfirm': 'Crear la cuenta de servicio',
  'admin.apps.serviceAccountTitle': 'Cuenta de servicio LDAP de «{name}»',
  'admin.apps.serviceAccountAdvice':
    'DN de enlace: {dn}. Guarde ahora el secreto (la contraseña de enlace): solo se muestra una vez.',
  'admin.apps.deleteServiceAccountExplain':
    '¿Eliminar la cuenta de servicio LDAP de «{name}» ({id})? Los programas que la usan dejarán de encontrar usuarios.',
  'admin.apps.deleteServiceAccountConfirm': 'Eliminar la cuenta de servicio',
  'admin.apps.serviceAccountDeleted': 'Se eliminó la cuenta de servicio LDAP de «{name}».',
  'admin.apps.ldapServiceAccountHelp':
    'Crear una cuenta de servicio LDAP (para programas que buscan al usuario antes de autenticarlo)',

  'admin.directory.notContacted': 'Este nodo aún no se ha conectado al directorio.',
  'admin.directory.up': 'disponible',
  'admin.directory.down': 'inaccesible',
  'admin.directory.upSince': '{tag} desde {since}',
  'admin.directory.downSince':
    '{tag} desde {since}: {error}. Mientras tanto, los usuarios del directorio no pueden iniciar sesión; los usuarios locales y las contraseñas de aplicación no se ven afectados.',
  'admin.directory.notSynced': '{n, plural, one {Sin sincronizar (#)} other {Sin sincronizar (#)}}',
  'admin.directory.entry': 'Entrada',
  'admin.directory.why': 'Motivo',
  'admin.directory.dryRunDone': 'Simulación: no se ha cambiado nada',
  'admin.directory.synced': 'Sincronizado',
  'admin.directory.report':
    '{entryCount, plural, one {# entrada} other {# entradas}}: {createdCount, plural, one {# creado} other {# creados}}, {updatedCount, plural, one {# actualizado} other {# actualizados}}, {blockedCount, plural, one {# bloqueado} other {# bloqueados}}, {unblockedCount, plural, one {# desbloqueado} other {# desbloqueados}}, {deletedCount, plural, one {# eliminado} other {# eliminados}}, {unchangedCount, plural, one {# sin cambios} other {# sin cambios}}.',
  'admin.directory.wouldChange': 'Cambios previstos',
  'admin.directory.changed': 'Cambios realizados',
  'admin.directory.changes': 'Cambios',
  'admin.directory.action.create': 'crear',
  'admin.directory.action.adopt': 'adoptar',
  'admin.directory.action.update': 'actualizar',
  'admin.directory.action.block': 'bloquear',
  'admin.directory.action.unblock': 'desbloquear',
  'admin.directory.action.delete': 'eliminar',
  'admin.directory.works': 'La conexión funciona',
  'admin.directory.searched':
    '{n, plural, =0 {Se ha enlazado como la cuenta de servicio y se ha buscado {filter} en {base}: no se ha encontrado ninguna entrada.} one {Se ha enlazado como la cuenta de servicio y se ha buscado {filter} en {base}: # entrada, leída así:} other {Se ha enlazado como la cuenta de servicio y se ha buscado {filter} en {base}: # entradas, leídas así:}}',
  'admin.directory.mail': 'Correo',
  'admin.directory.mobile': 'Móvil',
  'admin.directory.language': 'Idioma',
  'admin.directory.disabled': 'Deshabilitado',
  'admin.directory.problem': 'Problema',
  'admin.directory.notConfigured':
    'No hay ningún directorio configurado: los usuarios son locales. Para tomar los usuarios y sus contraseñas de Active Directory u OpenLDAP, establezca {url} y {base} (consulte el README, sección «Users from a directory»).',
  'admin.directory.connection': 'Conexión',
  'admin.directory.kind': 'Tipo',
  'admin.directory.servers': 'Servidores',
  'admin.directory.usersUnder': 'Usuarios en',
  'admin.directory.serviceAccount': 'Cuenta de servicio',
  'admin.directory.anonymous': 'anónima',
  'admin.directory.userCounts':
    '{directoryCount, plural, one {# del directorio} other {# del directorio}} ({blockedCount, plural, one {# bloqueado por él} other {# bloqueados por él}}), {localCount, plural, one {# local} other {# locales}}',
  'admin.directory.lookUp': 'Nombre de usuario que buscar (opcional)',
  'admin.directory.test': 'Probar la conexión',
  'admin.directory.sync': 'Sincronización',
  'admin.directory.lastSync': 'Última sincronización',
  'admin.directory.lastRun':
    '({trigger}, {actor}): {status}, {createdCount, plural, one {# creado} other {# creados}}, {updatedCount, plural, one {# actualizado} other {# actualizados}}, {blockedCount, plural, one {# bloqueado} other {# bloqueados}}, {unblockedCount, plural, one {# desbloqueado} other {# desbloqueados}}, {deletedCount, plural, one {# eliminado} other {# eliminados}}',
  'admin.directory.lastRunFailed': '({trigger}, {actor}): {status}; {error}',
  'admin.directory.never': 'nunca',
  'admin.directory.nextSync': 'Próxima sincronización',
  'admin.directory.syncOff': 'desactivada (PORTCULLIS_DIRECTORY_SYNC_MINUTES=0)',
  'admin.directory.dryRun': 'Simulación (mostrar solo lo que cambiaría)',
  'admin.directory.syncNow': 'Sincronizar ahora',
  'admin.directory.recent': 'Sincronizaciones recientes',
  'admin.directory.started': 'Inicio',
  'admin.directory.colCreated': 'Creados',
  'admin.directory.colUpdated': 'Actualizados',
  'admin.directory.colBlocked': 'Bloqueados',
  'admin.directory.colNotSynced': 'Sin sincronizar',
  'admin.directory.status.running': 'en curso',
  'admin.directory.status.succeeded': 'correcta',
  'admin.directory.status.partial': 'parcial',
  'admin.directory.status.failed': 'fallida',
  'admin.directory.trigger.schedule': 'programación',
  'admin.directory.trigger.cli': 'línea de comandos',
  'admin.directory.trigger.portal': 'portal',
  'admin.directory.trigger.api': 'API',
  'admin.branding.link': 'Personalización de marca: nombre, logotipo y ayuda de su organización',
  'admin.branding.title': 'Personalización de marca',
  'admin.branding.back': 'Volver a la configuración del servicio',
  'admin.branding.intro':
    'El nombre, el logotipo y la ayuda de su organización aparecen en todas las páginas de inicio de sesión, en los SMS, las llamadas y el correo electrónico, y como nombre de la cuenta en las aplicaciones de autenticación.',
  'admin.branding.name': 'Nombre de la organización',
  'admin.branding.nameHint':
    'Si se deja vacío, las páginas y los mensajes indican Portcullis. Las aplicaciones de autenticación muestran el nombre que había cuando se añadió el método.',
  'admin.branding.helpText':
    'Texto de ayuda (por ejemplo, a quién llamar si se pierde un teléfono)',
  'admin.branding.helpUrl': 'Enlace de ayuda (https://, http://, mailto: o tel:)',
  'admin.branding.logo': 'Logotipo',
  'admin.branding.currentLogo': 'El logotipo actual',
  'admin.branding.noLogo': 'No hay logotipo.',
  'admin.branding.logoFile': 'Una imagen PNG, JPEG, GIF o WebP de 256 KiB como máximo',
  'admin.branding.removeLogo': 'Quitar el logotipo',
  'admin.branding.badLogo':
    'El logotipo debe ser una imagen PNG, JPEG, GIF o WebP de 256 KiB como máximo.',
  'admin.auditAction.api_token_created': 'Token de API creado',
  'admin.auditAction.api_token_revoked': 'Token de API revocado',
  'admin.auditAction.app_password_created': 'Contraseña de aplicación creada',
  'admin.auditAction.app_password_deleted': 'Contraseña de aplicación eliminada',
  'admin.auditAction.application_changed': 'Aplicación modificada',
  'admin.auditAction.application_created': 'Aplicación creada',
  'admin.auditAction.application_deleted': 'Aplicación eliminada',
  'admin.auditAction.application_secret_changed':
    'Nuevo secreto de cliente asignado a la aplicación',
  'admin.auditAction.application_service_account_set': 'Cuenta de servicio LDAP creada',
  'admin.auditAction.application_service_account_deleted': 'Cuenta de servicio LDAP eliminada',
  'admin.auditAction.default_method_set': 'Método predeterminado establecido',
  'admin.auditAction.fraud_reported': 'Actividad sospechosa informada',
  'admin.auditAction.group_created': 'Grupo creado',
  'admin.auditAction.group_deleted': 'Grupo eliminado',
  'admin.auditAction.group_updated': 'Grupo modificado',
  'admin.auditAction.invitation_accepted': 'Invitación aceptada',
  'admin.auditAction.method_added': 'Método añadido',
  'admin.auditAction.method_deleted': 'Método eliminado',
  'admin.auditAction.mfa_state_set': 'Estado de MFA establecido',
  'admin.auditAction.passkey_flagged': 'Llave de acceso marcada como sospechosa',
  'admin.auditAction.password_changed': 'Contraseña cambiada',
  'admin.auditAction.password_reset': 'Contraseña restablecida',
  'admin.auditAction.password_set': 'Contraseña establecida',
  'admin.auditAction.settings_changed': 'Configuración del servicio modificada',
  'admin.auditAction.tap_created': 'Pase de acceso temporal creado',
  'admin.auditAction.tap_revoked': 'Pase de acceso temporal revocado',
  'admin.auditAction.tap_used': 'Inicio de sesión con un pase de acceso temporal',
  'admin.auditAction.tap_expired': 'Pase de acceso temporal caducado',
  'admin.auditAction.methods_policy_changed': 'Directiva de métodos de autenticación modificada',
  'admin.auditAction.signing_keys_rotated': 'Claves de firma rotadas',
  'admin.auditAction.saml_signing_key_rotated': 'Clave de firma SAML rotada',
  'admin.auditAction.user_created': 'Usuario creado',
  'admin.auditAction.user_deleted': 'Usuario eliminado',
  'admin.auditAction.user_invited': 'Usuario invitado',
  'admin.auditAction.user_updated': 'Usuario modificado',
  'admin.auditKey.name': 'Nombre',
  'admin.auditKey.scope': 'Ámbito',
  'admin.auditKey.scopes': 'Aplicaciones',
  'admin.auditKey.rights': 'Derechos',
  'admin.auditKey.expiresAt': 'Expira',
  'admin.auditKey.reason': 'Motivo',
  'admin.auditKey.application': 'Aplicación',
  'admin.auditKey.via': 'A través de',
  'admin.auditKey.blocked': 'Bloqueado',
  'admin.auditKey.by': 'Por',
  'admin.auditKey.methodType': 'Método',
  'admin.auditKey.methodTypes': 'Métodos',
  'admin.auditKey.during': 'Durante',
  'admin.auditKey.field': 'Campo',
  'admin.auditKey.fields': 'Campos',
  'admin.auditKey.from': 'De',
  'admin.auditKey.to': 'A',
  'admin.auditKey.removed': 'Eliminados',
  'admin.auditKey.fronts': 'Interfaces',
  'admin.auditKey.after': 'Después de',
  'admin.auditKey.state': 'Estado',
  'admin.auditKey.mfaState': 'Estado de MFA',
  'admin.auditKey.isAdmin': 'Administrador',
  'admin.settings.highRiskAction': 'Un informe eleva el riesgo del usuario a alto, y entonces',
  'admin.settings.highRisk.block':
    'el inicio de sesión se bloquea hasta que un administrador descarte el riesgo',
  'admin.settings.highRisk.changePassword':
    'el usuario cambia su contraseña tras la MFA en el siguiente inicio de sesión (los usuarios del directorio se bloquean en su lugar)',
  'admin.settings.highRisk.reregister':
    'se quitan los métodos del usuario, que debe registrarlos de nuevo',
  'admin.settings.highRisk.none': 'nada más (el riesgo solo se registra)',
  'admin.user.risk': 'Riesgo',
  'admin.user.riskHigh': 'Alto: el usuario informó de actividad sospechosa',
  'admin.user.riskRemediated': 'Ninguno: corregido con un cambio de contraseña',
  'admin.user.riskDismissed': 'Ninguno: descartado por un administrador',
  'admin.user.dismissRisk': 'Descartar el riesgo…',
  'admin.user.dismissRiskExplain':
    '{name} informó de una llamada, un SMS o una notificación que no pidió. Descarte el riesgo cuando haya revisado el informe: vuelve a ser ninguno, y se levanta un bloqueo que el informe haya puesto.',
  'admin.user.dismissRiskConfirm': 'Descartar el riesgo',
  'admin.user.done.riskDismissed': 'Se descartó el riesgo.',
  'admin.users.risk': 'Riesgo',
  'admin.users.riskHigh': 'Alto',
  'admin.users.tagHighRisk': 'riesgo alto',
  'admin.auditAction.risk_dismissed': 'Riesgo descartado',
  'admin.auditKey.riskLevel': 'Riesgo',
  'admin.auditKey.action': 'Acción',
  'admin.auditKey.unblocked': 'Desbloqueado',
  'admin.pass.pending': 'Un pase estará activo desde {starts} hasta {expires}.',
  'admin.nav.reports': 'Informes',
  'admin.reports.title': 'Uso y registro',
  'admin.reports.registration': 'Registro',
  'admin.reports.users': 'Usuarios que pueden iniciar sesión',
  'admin.reports.capable': 'Con capacidad MFA (un método que basta por sí solo)',
  'admin.reports.withoutMethod': 'Sin ningún método',
  'admin.reports.phoneOnly': 'Solo SMS y llamadas',
  'admin.reports.methods': 'Métodos registrados, por usuarios que los tienen',
  'admin.reports.usersWith': 'Usuarios',
  'admin.reports.list': 'Usuarios por registro',
  'admin.reports.show': 'Mostrar',
  'admin.reports.filter.all': 'Todos los usuarios que pueden iniciar sesión',
  'admin.reports.filter.capable': 'Con capacidad MFA',
  'admin.reports.filter.notCapable': 'Sin capacidad MFA',
  'admin.reports.filter.noMethod': 'Sin ningún método',
  'admin.reports.filter.phoneOnly': 'Solo SMS y llamadas',
  'admin.reports.export': 'Exportar como CSV',
  'admin.reports.capableColumn': 'Capacidad MFA',
  'admin.reports.methodsColumn': 'Métodos',
  'admin.reports.noUsers': 'Ningún usuario coincide.',
  'admin.reports.signins': 'Inicios de sesión',
  'admin.reports.period': 'Periodo',
  'admin.reports.lastDays': '{n, plural, one {El último día} other {Los últimos # días}}',
  'admin.reports.noSignins': 'No hubo inicios de sesión en este periodo.',
  'admin.reports.byResult':
    '{n, plural, one {Inicios de sesión de hoy por resultado (UTC)} other {Inicios de sesión por día en los últimos # días, por resultado (UTC)}}',
  'admin.reports.byMethod':
    '{n, plural, one {Inicios de sesión de hoy por método (UTC)} other {Inicios de sesión por día en los últimos # días, por método (UTC)}}',
  'admin.reports.figures': 'Las cifras, día a día',
  'admin.reports.date': 'Fecha (UTC)',
  'admin.reports.total': 'Total',
  'admin.reports.tip': '{date} · {label}: {value}',
  'admin.reports.passwordOnly': 'Solo contraseña, o ninguno',
  'admin.reports.password': 'Contraseña',
} satisfies Record<keyof typeof en, string>;
