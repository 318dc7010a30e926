import type { Catalog } from '../index.ts';
import admin from './admin/es.ts';

// Spanish (es). Keys and {placeholders} exactly as in en.ts.
export default {
  ...admin,
  'layout.title': '{title} · {brand}',
  'layout.helpLink': 'Obtener ayuda',
  'layout.stale':
    'Esa página estaba desactualizada, así que no se envió nada. Esta es la página actual: vuelva a intentarlo si aún lo necesita.',

  'signin.title': 'Iniciar sesión',
  'signin.username': 'Nombre de usuario',
  'signin.usernamePlaceholder': 'alguien@example.com',
  'signin.password': 'Contraseña',
  'signin.submit': 'Iniciar sesión',
  'signin.usePass': 'Iniciar sesión con un pase de acceso temporal',
  'signin.passTitle': 'Iniciar sesión con un pase de acceso temporal',
  'signin.passIntro':
    'Su administrador le dio un pase de acceso temporal: escríbalo en lugar de su contraseña. Después podrá configurar sus métodos de verificación.',
  'signin.passLabel': 'Pase de acceso temporal',
  'signin.withPassword': 'Iniciar sesión con su contraseña',
  'signin.differentUser': 'Iniciar sesión con otro usuario',

  'account.title': 'Mi cuenta',
  'account.signedInAs': 'Sesión iniciada como {name} ({upn})',
  'account.mfa': 'Autenticación multifactor',
  'account.methods': 'Métodos de verificación',
  'account.noMethods': 'Ninguno registrado',
  'account.signOut': 'Cerrar sesión',

  'mfaState.Disabled': 'Deshabilitado',
  'mfaState.Enabled': 'Habilitado',
  'mfaState.Enforced': 'Aplicado',

  'campaign.title': 'Haga más seguros sus inicios de sesión',
  'campaign.intro':
    'Ha iniciado sesión con un SMS o una llamada. Configure Portcullis Authenticator o una llave de acceso: es más rápido y no se puede interceptar como los SMS y las llamadas.',
  'campaign.askedAgain':
    '{days, plural, =0 {Se le volverá a preguntar en su próximo inicio de sesión.} one {Se le volverá a preguntar dentro de # día.} other {Se le volverá a preguntar dentro de # días.}}',
  'campaign.snoozesLeft':
    '{count, plural, one {Puede posponerlo # vez más.} other {Puede posponerlo # veces más.}}',
  'campaign.mustSetUp':
    'Lo ha pospuesto tantas veces como permite su organización: configure uno ahora para continuar.',
  'proofup.title': 'Se requiere más información',
  'proofup.intro':
    'Su organización necesita más información para mantener segura su cuenta. Elija cómo quiere verificar su identidad.',
  'proofup.legend': 'Método de verificación',
  'proofup.next': 'Siguiente',
  'proofup.chooseAnother': 'Elegir otro método',
  'password.title': 'Elija una contraseña nueva',
  'password.intro':
    'Su administrador ha restablecido su contraseña. Elija una nueva para continuar; la contraseña de un solo uso dejará de funcionar.',
  'password.introRisk':
    'Se informó de una llamada, un SMS o una notificación que no pidió: puede que otra persona conozca su contraseña. Elija una nueva para continuar.',
  'password.new': 'Contraseña nueva (al menos 8 caracteres)',
  'password.confirm': 'Repita la contraseña nueva',
  'password.submit': 'Cambiar la contraseña',
  'password.mismatch': 'Las dos contraseñas no coinciden.',
  'password.same': 'Elija una contraseña distinta de la de un solo uso.',
  'password.length':
    '{max, plural, one {Una contraseña debe tener entre {min} y # carácter.} other {Una contraseña debe tener entre {min} y # caracteres.}}',
  'password.common':
    'Esta contraseña es demasiado común: figura en una lista de contraseñas que los atacantes prueban primero. Elija otra.',
  'password.changeTitle': 'Cambiar su contraseña',
  'password.changeIntro':
    'Escriba su contraseña actual y luego la nueva. Lo mejor es una contraseña larga y fácil de recordar, como varias palabras sin relación. Al cambiarla se cierran sus sesiones en todos los demás sitios y los dispositivos recordados tendrán que verificarse de nuevo.',
  'password.current': 'Contraseña actual',
  'password.currentWrong': 'La contraseña actual no es correcta.',
  'password.reuse': 'Elija una contraseña distinta de la actual.',
  'password.tooMany':
    'Demasiadas contraseñas incorrectas. Vuelva a intentarlo en {seconds, plural, one {# segundo} other {# segundos}}.',
  'password.changed':
    'Su contraseña se ha cambiado. Se han cerrado sus sesiones en todos los demás sitios.',
  'password.appPasswordsDeleted':
    'Su organización elimina las contraseñas de aplicación cuando cambia la contraseña: cree otras nuevas donde las necesite.',
  'password.back': 'Volver a mi cuenta',
  'enrol.title': 'Configurar: {method}',

  'verify.title': 'Verifique su identidad',
  'verify.otherOptions': 'Usar otra opción de verificación',
  'verify.lostTitle': '¿No puede usar este método?',
  'verify.lostWithRecovery':
    'Si perdió el teléfono o no puede usarlo, elija «Usar otra opción de verificación» e inicie sesión con uno de sus códigos de recuperación; después, registre el teléfono nuevo en Información de seguridad.',
  'verify.lostNoRecovery':
    'Si perdió el teléfono o no puede usarlo, póngase en contacto con su administrador: puede restablecer sus métodos de verificación para que registre otros nuevos.',
  'noMethod.title': 'No puede iniciar sesión en este momento',
  'noMethod.body':
    'Su cuenta necesita un segundo método de verificación, pero no se puede usar ninguno de los métodos que permite su organización. Póngase en contacto con su administrador.',

  'code.label': 'Código',
  'code.verify': 'Verificar',
  'notify.methodAdded':
    '{issuer}: se añadió {method} a los métodos de inicio de sesión de {upn}. Si no fue usted, avise a su departamento de TI.',
  'notify.methodRemoved':
    '{issuer}: se quitó {method} de los métodos de inicio de sesión de {upn}. Si no fue usted, avise a su departamento de TI.',
  'notice.title': 'Sesión iniciada',
  'notice.continue': 'Continuar',
  'code.remember':
    'No volver a preguntar en este dispositivo durante {days, plural, one {# día} other {# días}}',
  'proofup.graceLeft':
    '{days, plural, one {Puede aplazar el registro # día más.} other {Puede aplazar el registro # días más.}}',
  'proofup.postpone': 'Ahora no',

  'method.PhoneAppOTP.label': 'Aplicación de autenticación',
  'method.PhoneAppOTP.description':
    'Use un código de una aplicación de autenticación en su teléfono.',
  'method.OneWaySMS.label': 'Mensaje de texto',
  'method.OneWaySMS.description': 'Reciba un código por mensaje de texto en su teléfono móvil.',
  'method.TwoWayVoiceMobile.label': 'Llamada de teléfono',
  'method.TwoWayVoiceMobile.description': 'Conteste una llamada en su teléfono móvil y pulse #.',
  'method.TwoWayVoiceAlternateMobile.label': 'Llamada a un teléfono alternativo',
  'method.TwoWayVoiceAlternateMobile.description':
    'Conteste una llamada en otro teléfono móvil y pulse #.',
  'method.TwoWayVoiceOffice.label': 'Llamada al teléfono de la oficina',
  'method.TwoWayVoiceOffice.description':
    'Conteste una llamada en el teléfono de su oficina y pulse #.',

  // RecoveryCode
  'method.RecoveryCode.label': 'Códigos de recuperación',
  'method.RecoveryCode.description':
    'Use uno de los diez códigos de un solo uso que guardó cuando no pueda usar sus otros métodos.',
  'recovery.intro':
    'Guarde estos códigos de recuperación en un lugar seguro, como un gestor de contraseñas o una hoja impresa. Cada código le permite iniciar sesión una vez cuando no pueda usar sus otros métodos. No se volverán a mostrar.',
  'recovery.replaces':
    'Sus códigos de recuperación anteriores dejarán de funcionar en cuanto guarde estos.',
  'recovery.listLabel': 'Sus códigos de recuperación',
  'recovery.download': 'Descargar como archivo de texto',
  'recovery.saved': 'He guardado estos códigos',
  'recovery.confirm':
    'Guarde sus códigos de recuperación y, a continuación, confirme que los ha guardado.',
  'recovery.fileTitle': 'Códigos de recuperación de {issuer} para {upn} (creados el {date})',
  'recovery.fileNote':
    'Cada código solo se puede usar una vez. Guarde este archivo en un lugar seguro.',
  'recovery.enterCode':
    'Escriba uno de sus códigos de recuperación. Cada código solo funciona una vez.',
  'recovery.label': 'Código de recuperación',
  'recovery.left':
    '{count, plural, =0 {No le quedan códigos de recuperación. Cree otros nuevos en su información de seguridad.} one {Le queda # código de recuperación.} other {Le quedan # códigos de recuperación.}}',

  'method.Passkey.label': 'Llave de acceso',
  'method.Passkey.description':
    'Use una llave de acceso: el desbloqueo de su dispositivo o una llave de seguridad.',
  'passkey.intro':
    'Cree una llave de acceso en este dispositivo o en una llave de seguridad. Su navegador le pedirá que confirme.',
  'passkey.name': 'Nombre de la llave de acceso',
  'passkey.create': 'Crear llave de acceso',
  'passkey.attestation.missing':
    'Esta llave de acceso no ha demostrado su marca y modelo, y su organización solo acepta las que lo hacen. Use una llave de seguridad aprobada por su organización o elija otro método.',
  'passkey.attestation.untrusted':
    'Su organización no confía en el fabricante de esta llave de acceso. Use una llave de seguridad aprobada por su organización o elija otro método.',
  'passkey.modelNotAllowed':
    'Su organización no permite esta marca o modelo de llave de acceso. Use otra llave de seguridad u otro dispositivo, o elija otro método.',
  'passkey.notCreated':
    'No se creó ninguna llave de acceso. Inténtelo de nuevo o elija otro método.',
  'passkey.verifyIntro':
    'Use su llave de acceso para confirmar que es usted. Su navegador le pedirá que confirme.',
  'passkey.use': 'Usar llave de acceso',
  'passkey.notUsed':
    'No se usó la llave de acceso. Inténtelo de nuevo o elija otra opción de verificación.',
  'passkey.needsScript': 'Las llaves de acceso necesitan JavaScript. Actívelo o elija otro método.',
  'passkey.signin': 'Iniciar sesión con una llave de acceso',
  'passkey.signinFailed':
    'No se usó la llave de acceso. Vuelva a intentarlo o inicie sesión con su contraseña.',

  'method.PhoneAppNotification.label': 'Portcullis Authenticator',
  'method.PhoneAppNotification.description':
    'Aprobar una notificación en la aplicación Portcullis Authenticator.',
  'push.scan':
    'Abra Portcullis Authenticator en su teléfono y escanee este código QR, o abra el enlace en el dispositivo que usará.',
  'push.qrLabel': 'Código QR para activar Portcullis Authenticator',
  'push.orOpen': 'O abra esta dirección en su teléfono:',
  'push.codeIntro': 'e introduzca el código de activación:',
  'push.continue': 'Continuar',
  'push.waitingDevice': 'Esperando a que se active la aplicación…',
  'push.activationExpired':
    'El código de activación ya no es válido. Empiece de nuevo para obtener otro.',
  'push.approve':
    'Abra Portcullis Authenticator e introduzca este número para aprobar el inicio de sesión:',
  'push.waiting': 'Esperando su aprobación en la aplicación…',
  'push.notWaiting': 'No hay ninguna solicitud esperando en su aplicación.',
  'push.again': 'Enviar una nueva solicitud',
  'push.noAnswer': 'La solicitud no se respondió a tiempo.',
  'push.wrongNumber':
    'El número introducido en la aplicación no coincidía. La solicitud se rechazó.',
  'push.denied': 'La solicitud se denegó en la aplicación.',
  'push.paused':
    'Las notificaciones a su aplicación están en pausa tras varias solicitudes denegadas o sin respuesta. Elija otra opción de verificación.',
  'push.busy':
    'Otro inicio de sesión ya espera aprobación en su aplicación. Respóndalo o espere, y vuelva a intentarlo.',
  'push.useCode': 'Introducir en su lugar un código de la aplicación',
  'push.enableNotifications': 'Activar las notificaciones',
  'authenticator.title': 'Portcullis Authenticator',
  'authenticator.intro':
    'Introduzca el código de activación que muestra la página de inicio de sesión, o escanee su código QR.',
  'authenticator.code': 'Código de activación',
  'authenticator.activate': 'Activar',
  'authenticator.activated':
    'Esta aplicación está configurada para {upn}. Las solicitudes de inicio de sesión aparecen aquí.',
  'authenticator.failed': 'La activación falló. Compruebe el código y vuelva a intentarlo.',
  'authenticator.idle': 'No hay ninguna solicitud de inicio de sesión en espera.',
  'authenticator.request':
    '¿Está iniciando sesión en {application} como {upn}? Desde {address} a las {time}.',
  'authenticator.number': 'Número que muestra la página de inicio de sesión',
  'authenticator.approveButton': 'Aprobar',
  'authenticator.deny': 'Denegar',
  'authenticator.fraud': 'Denegar y notificar fraude',
  'authenticator.approved': 'Aprobado.',
  'authenticator.refused': 'La solicitud se rechazó.',
  'authenticator.codeFor': 'Código para {upn}',
  'authenticator.codeExpires': 'Nuevo código en {seconds} s',
  'place.privateNetwork': 'Red privada',

  'totp.scan':
    'Escanee este código QR con su aplicación de autenticación y, a continuación, escriba el código de 6 dígitos que se muestra.',
  'totp.qrLabel': 'Código QR para su aplicación de autenticación',
  'totp.cantScan': '¿No puede escanear el código QR?',
  'totp.secretIntro':
    'Escriba esta clave secreta en su aplicación (basada en tiempo, 6 dígitos, cada 30 segundos):',
  'totp.uriIntro': 'O bien, use esta dirección:',
  'totp.enterCode': 'Escriba el código que se muestra en su aplicación de autenticación.',

  'phone.country': 'País o región',
  'phone.number': 'Número de teléfono',
  'phone.extension': 'Extensión (opcional)',
  'phone.invalid': 'No parece un número de teléfono válido. Compruebe el país y el número.',
  'phone.how': '¿Cómo comprobamos este teléfono?',
  'phone.textMe': 'Enviarme un código por SMS',
  'phone.callMe': 'Llamarme',
  'phone.intro': '¿Qué número de teléfono quiere usar?',
  'phone.fromDirectory': 'Mi número de móvil {number}, del directorio de su organización',
  'phone.otherNumber': 'Otro número:',
  'sms.sent':
    'Hemos enviado un mensaje de texto con un código al {number}. Escriba el código a continuación.',
  'sms.resend': 'Enviar un código nuevo',
  'sms.notMe': 'No he sido yo',
  'sms.text':
    '{code} es su código de verificación de {issuer}. Caduca en {minutes, plural, one {# minuto} other {# minutos}}.',
  'call.calling': 'Estamos llamando al {number}. Conteste la llamada y pulse # para continuar.',
  'call.continue': 'Continuar',
  'call.waiting': 'Esperando a que conteste la llamada…',
  'call.again': 'Volver a llamarme',
  'call.noAnswer': 'La llamada no se contestó a tiempo. Solicite otra llamada o use otra opción.',
  'call.declined': 'La llamada finalizó sin aprobación. Solicite otra llamada o use otra opción.',
  'radius.totp': 'Introduzca el código de su aplicación de autenticación:',
  'radius.sms': 'Introduzca el código que enviamos por SMS al {number}:',
  'radius.recovery': 'Introduzca uno de sus códigos de recuperación:',
  'radius.push':
    'Apruebe el inicio de sesión en Portcullis Authenticator: elija {number}. Después pulse Intro.',
  'call.prompt':
    'Hola, este es un mensaje de {issuer}. Alguien está iniciando sesión en su cuenta. Para aprobarlo, pulse la tecla almohadilla. Si no ha intentado iniciar sesión, pulse cero y después la tecla almohadilla para notificar un fraude.',
  'call.approved': 'Gracias. Su inicio de sesión se ha aprobado. Adiós.',
  'call.fraudRecorded': 'Gracias. Su notificación de fraude se ha registrado. Adiós.',

  'fraud.title': 'Notificar fraude',
  'fraud.question':
    '¿Ha recibido un código que no ha solicitado? Si no ha intentado iniciar sesión, notifíquelo: su cuenta quedará protegida y se avisará a su administrador.',
  'fraud.submit': 'Notificar fraude',
  'fraud.cancel': 'Volver',
  'fraud.done':
    'Gracias. Su notificación se ha registrado. Su cuenta está protegida hasta que un administrador la revise.',

  'apppw.title': 'Contraseñas de aplicación',

  'apppw.intro':
    'Los programas que no pueden verificar su identidad de una segunda forma, como algunos clientes de correo, inician sesión con una contraseña de aplicación en lugar de con su contraseña. Cree una para cada programa.',

  'apppw.name': 'Nombre',

  'apppw.namePlaceholder': 'p. ej., Correo en mi portátil',

  'apppw.scope': 'Solo para estas aplicaciones (opcional)',

  'apppw.anyApp': 'Cualquier aplicación',

  'apppw.expiry': 'Caduca',

  'apppw.never': 'Nunca',

  'apppw.inDays': '{days, plural, one {Dentro de # día} other {Dentro de # días}}',

  'apppw.create': 'Crear una contraseña de aplicación',

  'apppw.createdTitle': 'Su nueva contraseña de aplicación',

  'apppw.showOnce':
    'Cópiela ahora y escríbala en su programa en lugar de su contraseña. No se volverá a mostrar.',

  'apppw.copy': 'Copiar',

  'apppw.empty': 'No tiene contraseñas de aplicación.',

  'apppw.colName': 'Nombre',

  'apppw.colScope': 'Aplicaciones',

  'apppw.colCreated': 'Creada',

  'apppw.colLastUsed': 'Último uso',

  'apppw.colExpires': 'Caduca',

  'apppw.neverUsed': 'Nunca usada',

  'apppw.usedFrom': '{time} desde {address}',

  'apppw.delete': 'Eliminar',

  'apppw.deleted': 'Se ha eliminado la contraseña de aplicación.',

  'apppw.disabled': 'Su organización no permite contraseñas de aplicación.',

  'apppw.nameRequired': 'Asigne un nombre a la contraseña de aplicación.',

  'apppw.tooMany':
    '{max, plural, one {Tiene # contraseña de aplicación, el máximo permitido. Elimínela primero.} other {Tiene # contraseñas de aplicación, el máximo permitido. Elimine una primero.}}',

  'apppw.back': 'Volver a mi cuenta',

  'proofup.appPasswordsTitle': 'Contraseñas de aplicación',

  'proofup.appPasswordsBody':
    'A partir de ahora, su contraseña solo funciona en exploradores web. Los clientes de correo y otros programas que no pueden verificar su identidad necesitan una contraseña de aplicación en su lugar.',

  'proofup.done': 'Listo',

  'account.admin': 'Portal de administración',
  'account.appPasswords': 'Contraseñas de aplicación',
  'account.securityInfo': 'Información de seguridad',
  'security.title': 'Información de seguridad',
  'security.intro': 'Cómo inicia sesión y demuestra que es usted.',
  'security.methods': 'Métodos de inicio de sesión',
  'security.method': 'Método',
  'security.detail': 'Detalles',
  'security.added': 'Añadido',
  'security.lastUsed': 'Último uso',
  'security.actions': 'Acciones',
  'security.isDefault': 'predeterminado',
  'security.makeDefault': 'Establecer como predeterminado',
  'security.delete': 'Eliminar',
  'security.none': 'Aún no tiene ningún método de verificación.',
  'security.addChoose': 'Método que añadir',
  'security.add': 'Añadir método',
  'security.addTitle': 'Añadir {method}',
  'security.deleteTitle': '¿Eliminar {method}?',
  'security.deleteBody': 'Ya no podrá usar {method} para iniciar sesión.',
  'security.cancel': 'Cancelar',
  'security.lastMethod':
    'Es su único método de verificación y su cuenta requiere autenticación multifactor: añada otro método antes de eliminar este.',
  'security.onlyBackupsLeft':
    'No puede eliminar su último método que funciona por sí solo: solo quedaría el método «{methods}», que únicamente respalda a otro método. Añada antes otro método o elimine «{methods}».',
  'security.backupNotDefault':
    'Ese método únicamente respalda a otro: no puede ser el predeterminado.',
  'security.password': 'Contraseña',
  'security.changePassword': 'Cambiar la contraseña',
  'security.appPasswords': 'Contraseñas de aplicación',
  'security.appPasswordCount':
    '{n, plural, =0 {Ninguna contraseña de aplicación.} one {# contraseña de aplicación.} other {# contraseñas de aplicación.}}',
  'security.manage': 'Administrar',
  'security.devices': 'Dispositivos recordados',
  'security.deviceCount':
    '{n, plural, =0 {Ningún dispositivo omite el segundo paso.} one {# dispositivo omite el segundo paso.} other {# dispositivos omiten el segundo paso.}}',
  'security.forgetAll': 'Olvidar todos',
  'security.recent': 'Inicios de sesión recientes',
  'security.when': 'Cuándo',
  'security.application': 'Aplicación',
  'security.address': 'Dirección',
  'security.result': 'Resultado',
  'security.result.success': 'Correcto',
  'security.result.failure': 'Fallido',
  'security.result.interrupted': 'Interrumpido',
  'security.done.added': 'El método se añadió.',
  'security.done.deleted': 'El método se eliminó.',
  'security.done.default': 'Se cambió su método predeterminado.',
  'security.done.forgotten':
    'Se olvidaron sus dispositivos recordados: cada uno volverá a pedir el segundo paso.',
  'security.back': 'Volver a mi cuenta',

  'admin.outbox.title': 'Los SMS y las llamadas no se entregan',
  'admin.outbox.body':
    'No hay ningún proveedor de telefonía configurado (PORTCULLIS_TELEPHONY=outbox). Los SMS y las llamadas de los métodos marcados abajo se quedan en la bandeja de salida de este servidor y no llegan a ningún teléfono: quien elija uno de ellos no podrá iniciar sesión con él. Se pueden leer en el servidor con portcullis outbox.',
  'admin.outbox.simulatorOn':
    'El simulador de teléfono está activado: los muestra en /_dev/phone, a este equipo y a los administradores.',
  'admin.outbox.simulatorOff':
    'Para hacer pruebas, el simulador de teléfono los muestra en /_dev/phone si se define PORTCULLIS_PHONE_SIMULATOR=true (solo a este equipo y a los administradores).',
  'admin.outbox.configure':
    'Para que se entreguen, defina PORTCULLIS_TELEPHONY=webhook con PORTCULLIS_WEBHOOK_URL y PORTCULLIS_WEBHOOK_SECRET (su propia pasarela de SMS y voz recibe JSON firmado), o PORTCULLIS_TELEPHONY=twilio con PORTCULLIS_TWILIO_ACCOUNT_SID, PORTCULLIS_TWILIO_AUTH_TOKEN y PORTCULLIS_TWILIO_FROM, y reinicie Portcullis (consulte docs/configuration.md). Mientras tanto, deje estos métodos sin marcar.',
  'admin.outbox.tag': 'no se entrega',

  'error.title': 'No ha funcionado',
  'error.serverTitle': 'Algo salió mal',
  'error.notFoundTitle': 'Página no encontrada',
  'error.notFound': 'No hay ninguna página en esta dirección.',
  'error.backToSignin': 'Ir a la página de inicio de sesión',
  'error.invalid_credentials': 'La cuenta o la contraseña no son correctas.',
  'error.invalid_code': 'Ese código no es correcto. Inténtelo de nuevo.',
  'error.code_expired':
    'Ese código ha caducado. Introduzca el último código que le enviamos o solicite uno nuevo.',
  'error.too_many_attempts': 'Demasiados intentos. Espere un poco y vuelva a intentarlo.',
  'error.too_many_passwords':
    'Demasiados inicios de sesión fallidos. Vuelva a intentarlo en {seconds, plural, one {# segundo} other {# segundos}}.',
  'error.too_many_codes':
    'Demasiados códigos incorrectos. Vuelva a intentarlo en {seconds, plural, one {# segundo} other {# segundos}}.',
  'error.attempt_ended': 'Demasiados códigos incorrectos. Vuelva a iniciar sesión.',
  'error.too_many_at_once': 'Demasiados códigos a la vez. Vuelva a intentarlo en un momento.',
  'error.codes_locked':
    'Demasiados códigos incorrectos: la verificación está bloqueada para esta cuenta. Pida a su administrador que la desbloquee.',
  'error.signin_locked':
    'Demasiados inicios de sesión fallidos: el inicio de sesión está bloqueado para esta cuenta. Pida a su administrador que la desbloquee.',
  'error.signin_expired':
    'Su intento de inicio de sesión ha caducado o ha finalizado. Vuelva a iniciar sesión.',
  'error.csrf_failed':
    'Este formulario ha caducado o no se envió desde este sitio. Vuelva a cargar la página e inténtelo de nuevo.',
  'error.rate_limited':
    'Se han enviado demasiados mensajes o llamadas. Vuelva a intentarlo en {minutes, plural, one {# minuto} other {# minutos}}.',
  'error.delivery_failed':
    'No hemos podido comunicarnos con su teléfono. Vuelva a intentarlo en un momento o use otra opción.',
  'error.service_unavailable':
    'El servicio no está disponible temporalmente. Vuelva a intentarlo en breve.',
  'error.signin_unavailable':
    'El inicio de sesión no está disponible temporalmente. Inténtelo de nuevo en unos minutos.',
  'error.managed_by_directory':
    'Esto se administra en el directorio de su organización: cámbielo allí.',
  'error.busy': 'Demasiados inicios de sesión en este momento. Vuelva a intentarlo en un segundo.',
  'error.internal_error': 'Algo salió mal por nuestra parte.',

  'mail.greeting': 'Hola, {name}:',
  'mail.footer': 'Si no esperaba este mensaje, avise a su administrador.\n— {issuer}',
  'mail.invitation.subject': 'Configure su cuenta de {issuer}',
  'mail.invitation.body':
    'Se ha creado una cuenta para usted: {upn}.\n\nAbra este enlace para elegir su contraseña y configurar cómo demostrará que es usted al iniciar sesión:\n{link}\n\nEl enlace funciona una sola vez y caduca en {days, plural, one {# día} other {# días}}.',
  'mail.methodAdded.subject': 'Se ha añadido un método de verificación a su cuenta',
  'mail.methodAdded.body':
    'Se ha añadido {method} como forma de verificar sus inicios de sesión en {upn}.\n\nSi no ha sido usted, avise de inmediato a su administrador: otra persona podría iniciar sesión en su nombre.',
  'mail.methodRemoved.subject': 'Se ha quitado un método de verificación de su cuenta',
  'mail.methodRemoved.body':
    'Se ha quitado {method} de las formas de verificar sus inicios de sesión en {upn}.\n\nSi no ha sido usted, avise de inmediato a su administrador.',
  'mail.appPassword.subject': 'Se ha creado una contraseña de aplicación para su cuenta',
  'mail.appPassword.body':
    'Se ha creado una contraseña de aplicación llamada «{name}» para {upn}. Los programas que no admiten la autenticación multifactor la usan para iniciar sesión.\n\nSi no ha sido usted, elimínela en la página de su cuenta y avise a su administrador.',
  'mail.passwordChanged.subject': 'Se ha cambiado su contraseña',
  'mail.passwordChanged.body':
    'Se ha cambiado la contraseña de {upn}.\n\nSi no ha sido usted, avise de inmediato a su administrador.',
  'invite.title': 'Configure su cuenta',
  'invite.intro':
    'Elija una contraseña para {upn}. Después configurará cómo demuestra que es usted al iniciar sesión.',
  'invite.submit': 'Establecer la contraseña y continuar',
  'invite.expired':
    'Este enlace de invitación ha caducado o ya se ha usado. Pida uno nuevo a su administrador.',
  'signout.confirm': 'Ha iniciado sesión como {upn}. ¿Cerrar la sesión de {issuer}?',
  'device.title': 'Iniciar sesión en otro dispositivo',
  'device.intro': 'Escriba el código que muestra su dispositivo o aplicación.',
  'device.code': 'Código',
  'device.next': 'Siguiente',
  'device.noCode': 'Escriba el código que aparece en su dispositivo.',
  'device.wrongCode':
    'Ese código no es correcto. Compruebe el código en su dispositivo e inténtelo de nuevo.',
  'device.expired':
    'Ese código ha caducado. Vuelva a empezar en su dispositivo para obtener uno nuevo.',
  'device.used':
    'Ese código ya se ha usado. Vuelva a empezar en su dispositivo para obtener uno nuevo.',
  'device.cancelled':
    'Ha cancelado el inicio de sesión. Su dispositivo no ha iniciado sesión; puede cerrar esta ventana.',
  'device.failed': 'No se pudo completar el inicio de sesión.',
  'device.tooMany':
    'Demasiados códigos incorrectos desde su red. Espere un poco y vuelva a intentarlo.',
  'device.again': 'Volver a escribir el código',
  'device.confirmTitle': '¿Iniciar sesión en {app}?',
  'device.confirmAsking': '{app} solicita iniciar sesión con su cuenta en un dispositivo.',
  'device.confirmCheck': 'Compruebe que su dispositivo muestra este código:',
  'device.confirmFrom': 'La solicitud procede de {ip}.',
  'device.confirmWarning':
    'Continúe solo si lo ha iniciado usted, en un dispositivo que tiene consigo. Si alguien le ha enviado este código, cancele.',
  'device.continue': 'Continuar',
  'device.cancel': 'Cancelar',
  'device.doneTitle': 'Ha iniciado sesión',
  'device.done': '{app} ya ha iniciado sesión en su dispositivo. Puede cerrar esta ventana.',
} satisfies Catalog;
