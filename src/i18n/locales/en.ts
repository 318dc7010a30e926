// English: the reference catalog. Every other catalog has exactly these keys
// (checked by TypeScript and by test/unit/i18n.test.ts). Messages are ICU
// MessageFormat: {name} is a value, {n, plural, one {…} other {…}} a plural.
import admin from './admin/en.ts';
export default {
  ...admin,
  'layout.title': '{title} · {brand}',
  'layout.helpLink': 'Get help',
  'layout.stale':
    'That page was out of date, so nothing was sent. This is the current page: try again if you still need to.',

  'signin.title': 'Sign in',
  'signin.username': 'Username',
  'signin.usernamePlaceholder': 'someone@example.com',
  'signin.password': 'Password',
  'signin.submit': 'Sign in',
  'signin.usePass': 'Sign in with a Temporary Access Pass',
  'signin.passTitle': 'Sign in with a Temporary Access Pass',
  'signin.passIntro':
    'Your administrator gave you a Temporary Access Pass: enter it instead of your password. You can then set up your verification methods.',
  'signin.passLabel': 'Temporary Access Pass',
  'signin.withPassword': 'Sign in with your password instead',
  'signin.differentUser': 'Sign in as a different user',

  'account.title': 'My account',
  'account.signedInAs': 'Signed in as {name} ({upn})',
  'account.mfa': 'Multi-factor authentication',
  'account.methods': 'Verification methods',
  'account.noMethods': 'None registered',
  'account.signOut': 'Sign out',

  'mfaState.Disabled': 'Disabled',
  'mfaState.Enabled': 'Enabled',
  'mfaState.Enforced': 'Enforced',

  'campaign.title': 'Make your sign-ins safer',
  'campaign.intro':
    'You signed in with a text message or a phone call. Set up the Portcullis Authenticator or a passkey: it is quicker, and it cannot be intercepted as texts and calls can.',
  'campaign.askedAgain':
    '{days, plural, =0 {You will be asked again at your next sign-in.} one {You will be asked again in # day.} other {You will be asked again in # days.}}',
  'campaign.snoozesLeft':
    '{count, plural, one {You can put this off # more time.} other {You can put this off # more times.}}',
  'campaign.mustSetUp':
    'You have put this off as often as your organisation allows: set one up now to go on.',
  'proofup.title': 'More information required',
  'proofup.intro':
    "Your organisation needs more information to keep your account secure. Choose how you want to verify it's you.",
  'proofup.legend': 'Verification method',
  'proofup.next': 'Next',
  'proofup.chooseAnother': 'Choose a different method',
  'password.title': 'Choose a new password',
  'password.intro':
    'Your administrator reset your password. Choose a new one to continue; the one-time password stops working.',
  'password.introRisk':
    'A call, text or notification you did not ask for was reported: someone else may know your password. Choose a new one to continue.',
  'password.new': 'New password (at least 8 characters)',
  'password.confirm': 'New password again',
  'password.submit': 'Change password',
  'password.mismatch': 'The two passwords are not the same.',
  'password.same': 'Choose a password other than the one-time password.',
  'password.length':
    '{max, plural, one {A password must be {min} to # character long.} other {A password must be {min} to # characters long.}}',
  'password.common':
    'This password is too common: it is on a list of passwords that attackers try first. Choose another.',
  'password.changeTitle': 'Change your password',
  'password.changeIntro':
    'Enter your current password, then the new one. A long password that is easy for you to remember, such as a few unrelated words, is best. Changing it signs you out everywhere else, and remembered devices must verify again.',
  'password.current': 'Current password',
  'password.currentWrong': 'The current password is not right.',
  'password.reuse': 'Choose a password other than your current one.',
  'password.tooMany':
    'Too many wrong passwords. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  'password.changed': 'Your password was changed. You were signed out everywhere else.',
  'password.appPasswordsDeleted':
    'Your organisation deletes app passwords when the password changes: create new ones where you need them.',
  'password.back': 'Back to My account',
  'enrol.title': 'Set up: {method}',

  'verify.title': 'Verify your identity',
  'verify.otherOptions': 'Use a different verification option',
  'verify.lostTitle': "Can't use this method?",
  'verify.lostWithRecovery':
    'If you lost your phone or can\'t use it, choose "Use a different verification option" and sign in with one of your recovery codes, then register your new phone in Security info.',
  'verify.lostNoRecovery':
    "If you lost your phone or can't use it, contact your administrator: they can reset your verification methods so you can register new ones.",
  'noMethod.title': "You can't sign in right now",
  'noMethod.body':
    'Your account needs a second verification method, but none of the methods your organisation allows can be used. Contact your administrator.',

  'code.label': 'Code',
  'code.verify': 'Verify',
  'notify.methodAdded':
    '{issuer}: {method} was added to the sign-in methods of {upn}. If this was not you, tell your IT department.',
  'notify.methodRemoved':
    '{issuer}: {method} was removed from the sign-in methods of {upn}. If this was not you, tell your IT department.',
  'notice.title': 'Signed in',
  'notice.continue': 'Continue',
  'code.remember': "Don't ask again on this device for {days, plural, one {# day} other {# days}}",
  'proofup.graceLeft':
    '{days, plural, one {You may postpone registering for # more day.} other {You may postpone registering for # more days.}}',
  'proofup.postpone': 'Not now',

  'method.PhoneAppOTP.label': 'Authenticator app',
  'method.PhoneAppOTP.description': 'Use a code from an authenticator app on your phone.',
  'method.OneWaySMS.label': 'Text message',
  'method.OneWaySMS.description': 'Get a code by text message on your mobile phone.',
  'method.TwoWayVoiceMobile.label': 'Phone call',
  'method.TwoWayVoiceMobile.description': 'Answer a call on your mobile phone and press #.',
  'method.TwoWayVoiceAlternateMobile.label': 'Call to alternate phone',
  'method.TwoWayVoiceAlternateMobile.description':
    'Answer a call on another mobile phone and press #.',
  'method.TwoWayVoiceOffice.label': 'Office phone call',
  'method.TwoWayVoiceOffice.description': 'Answer a call on your office phone and press #.',

  // RecoveryCode
  'method.RecoveryCode.label': 'Recovery codes',
  'method.RecoveryCode.description':
    'Use one of ten single-use codes you saved when you cannot use your other methods.',
  'recovery.intro':
    'Save these recovery codes somewhere safe, such as a password manager or a printed page. Each code signs you in once when you cannot use your other methods. They will not be shown again.',
  'recovery.replaces': 'Your previous recovery codes stop working once you save these.',
  'recovery.listLabel': 'Your recovery codes',
  'recovery.download': 'Download as a text file',
  'recovery.saved': 'I have saved these codes',
  'recovery.confirm': 'Save your recovery codes, then confirm that you have saved them.',
  'recovery.fileTitle': '{issuer} recovery codes for {upn} (created {date})',
  'recovery.fileNote': 'Each code can be used once. Keep this file somewhere safe.',
  'recovery.enterCode': 'Enter one of your recovery codes. Each code works only once.',
  'recovery.label': 'Recovery code',
  'recovery.left':
    '{count, plural, =0 {You have no recovery codes left. Create new ones in your security info.} one {You have # recovery code left.} other {You have # recovery codes left.}}',

  'method.Passkey.label': 'Passkey',
  'method.Passkey.description': 'Use a passkey: your device unlock, or a security key.',
  'passkey.intro':
    'Create a passkey on this device or on a security key. Your browser will ask you to confirm.',
  'passkey.name': 'Name of the passkey',
  'passkey.create': 'Create passkey',
  'passkey.attestation.missing':
    "This passkey didn't prove its make and model, and your organisation accepts only passkeys that do. Use a security key your organisation has approved, or choose another method.",
  'passkey.attestation.untrusted':
    "Your organisation doesn't trust the maker of this passkey. Use a security key your organisation has approved, or choose another method.",
  'passkey.modelNotAllowed':
    "Your organisation doesn't allow this make or model of passkey. Use another security key or device, or choose another method.",
  'passkey.notCreated': 'No passkey was created. Try again, or choose another method.',
  'passkey.verifyIntro':
    'Use your passkey to confirm it is you. Your browser will ask you to confirm.',
  'passkey.use': 'Use passkey',
  'passkey.notUsed': 'The passkey was not used. Try again, or choose another verification option.',
  'passkey.needsScript': 'Passkeys need JavaScript. Turn it on, or choose another method.',
  'passkey.signin': 'Sign in with a passkey',
  'passkey.signinFailed': 'The passkey was not used. Try again, or sign in with your password.',

  'method.PhoneAppNotification.label': 'Portcullis Authenticator',
  'method.PhoneAppNotification.description':
    'Approve sign-ins with a notification in the Portcullis Authenticator.',
  'push.scan':
    'Open the Portcullis Authenticator on your phone and scan this QR code, or open the link on the device you will use.',
  'push.qrLabel': 'QR code to activate the Portcullis Authenticator',
  'push.orOpen': 'Or open this address on your phone:',
  'push.codeIntro': 'and enter the activation code:',
  'push.continue': 'Continue',
  'push.waitingDevice': 'Waiting for the app to be activated…',
  'push.activationExpired': 'The activation code is no longer valid. Start again to get a new one.',
  'push.approve': 'Open the Portcullis Authenticator and enter this number to approve the sign-in:',
  'push.waiting': 'Waiting for your approval in the app…',
  'push.notWaiting': 'No request is waiting in your app.',
  'push.again': 'Send a new request',
  'push.noAnswer': 'The request was not answered in time.',
  'push.wrongNumber': 'The number entered in the app did not match. The request was refused.',
  'push.denied': 'The request was denied in the app.',
  'push.paused':
    'Notifications to your app are paused after several denied or unanswered requests. Choose another verification option.',
  'push.busy':
    'Another sign-in is already waiting for approval in your app. Answer or wait for it, then try again.',
  'push.useCode': 'Enter a code from the app instead',
  'push.enableNotifications': 'Turn on notifications',
  'authenticator.title': 'Portcullis Authenticator',
  'authenticator.intro':
    'Enter the activation code shown on the sign-in page, or scan its QR code.',
  'authenticator.code': 'Activation code',
  'authenticator.activate': 'Activate',
  'authenticator.activated': 'This app is set up for {upn}. Sign-in requests appear here.',
  'authenticator.failed': 'The activation failed. Check the code and try again.',
  'authenticator.idle': 'No sign-in request is waiting.',
  'authenticator.request':
    'Are you trying to sign in to {application} as {upn}? From {address} at {time}.',
  'authenticator.number': 'Number shown on the sign-in page',
  'authenticator.approveButton': 'Approve',
  'authenticator.deny': 'Deny',
  'authenticator.fraud': 'Deny and report fraud',
  'authenticator.approved': 'Approved.',
  'authenticator.refused': 'The request was refused.',
  'authenticator.codeFor': 'Code for {upn}',
  'authenticator.codeExpires': 'New code in {seconds} s',
  // A sign-in request's place when its address is private, loopback or link-local.
  'place.privateNetwork': 'Private network',

  'totp.scan':
    'Scan this QR code with your authenticator app, then enter the 6-digit code it shows.',
  'totp.qrLabel': 'QR code for your authenticator app',
  'totp.cantScan': "Can't scan the QR code?",
  'totp.secretIntro': 'Enter this secret key in your app (time-based, 6 digits, every 30 seconds):',
  'totp.uriIntro': 'Or use this address:',
  'totp.enterCode': 'Enter the code shown in your authenticator app.',

  'phone.country': 'Country or region',
  'phone.number': 'Phone number',
  'phone.extension': 'Extension (optional)',
  'phone.invalid': "That doesn't look like a valid phone number. Check the country and the number.",
  'phone.how': 'How should we check this phone?',
  'phone.textMe': 'Send me a code by text message',
  'phone.callMe': 'Call me',
  'phone.intro': 'Which phone number do you want to use?',
  'phone.fromDirectory': "My mobile number {number}, from your organisation's directory",
  'phone.otherNumber': 'Another number:',
  'sms.sent': 'We sent a text message with a code to {number}. Enter the code below.',
  'sms.resend': 'Send a new code',
  'sms.notMe': "This wasn't me",
  'sms.text':
    '{code} is your {issuer} verification code. It expires in {minutes, plural, one {# minute} other {# minutes}}.',
  'call.calling': "We're calling {number}. Answer the call and press # to continue.",
  'call.continue': 'Continue',
  'call.waiting': 'Waiting for you to answer the call…',
  'call.again': 'Call me again',
  'call.noAnswer': "The call wasn't answered in time. Call again or use another option.",
  'call.declined': 'The call ended without approval. Call again or use another option.',
  'radius.totp': 'Enter the code from your authenticator app:',
  'radius.sms': 'Enter the code we texted to {number}:',
  'radius.recovery': 'Enter one of your recovery codes:',
  'radius.push':
    'Approve the sign-in in Portcullis Authenticator: pick {number}. Then press Enter.',
  'call.prompt':
    'Hello, this is {issuer}. Someone is signing in to your account. To approve, press the pound key. If you did not try to sign in, press zero and then the pound key to report fraud.',
  'call.approved': 'Thank you. Your sign-in is approved. Goodbye.',
  'call.fraudRecorded': 'Thank you. Your fraud report was recorded. Goodbye.',

  'fraud.title': 'Report fraud',
  'fraud.question':
    "Did you get a code you didn't ask for? If you did not try to sign in, report it: your account will be protected and your administrator told.",
  'fraud.submit': 'Report fraud',
  'fraud.cancel': 'Go back',
  'fraud.done':
    'Thank you. Your report was recorded. Your account is protected until an administrator reviews it.',

  'apppw.title': 'App passwords',

  'apppw.intro':
    'Programs that cannot verify your identity a second way, such as some mail clients, sign in with an app password instead of your password. Create one for each program.',

  'apppw.name': 'Name',

  'apppw.namePlaceholder': 'e.g. Mail on my laptop',

  'apppw.scope': 'Only for these applications (optional)',

  'apppw.anyApp': 'Any application',

  'apppw.expiry': 'Expires',

  'apppw.never': 'Never',

  'apppw.inDays': '{days, plural, one {In # day} other {In # days}}',

  'apppw.create': 'Create an app password',

  'apppw.createdTitle': 'Your new app password',

  'apppw.showOnce':
    'Copy it now and enter it in your program instead of your password. It will not be shown again.',

  'apppw.copy': 'Copy',

  'apppw.empty': 'You have no app passwords.',

  'apppw.colName': 'Name',

  'apppw.colScope': 'Applications',

  'apppw.colCreated': 'Created',

  'apppw.colLastUsed': 'Last used',

  'apppw.colExpires': 'Expires',

  'apppw.neverUsed': 'Never used',

  'apppw.usedFrom': '{time} from {address}',

  'apppw.delete': 'Delete',

  'apppw.deleted': 'The app password was deleted.',

  'apppw.disabled': 'Your organisation does not allow app passwords.',

  'apppw.nameRequired': 'Give the app password a name.',

  'apppw.tooMany':
    '{max, plural, one {You have # app password, the most allowed. Delete it first.} other {You have # app passwords, the most allowed. Delete one first.}}',

  'apppw.back': 'Back to my account',

  'proofup.appPasswordsTitle': 'App passwords',

  'proofup.appPasswordsBody':
    'From now on, your password works only in web browsers. Mail clients and other programs that cannot verify your identity need an app password instead.',

  'proofup.done': 'Done',

  'account.admin': 'Admin portal',
  'account.appPasswords': 'App passwords',
  'account.securityInfo': 'Security info',
  'security.title': 'Security info',
  'security.intro': 'The ways you sign in and prove it is you.',
  'security.methods': 'Sign-in methods',
  'security.method': 'Method',
  'security.detail': 'Details',
  'security.added': 'Added',
  'security.lastUsed': 'Last used',
  'security.actions': 'Actions',
  'security.isDefault': 'default',
  'security.makeDefault': 'Make default',
  'security.delete': 'Delete',
  'security.none': 'You have no verification method yet.',
  'security.addChoose': 'Method to add',
  'security.add': 'Add method',
  'security.addTitle': 'Add {method}',
  'security.deleteTitle': 'Delete {method}?',
  'security.deleteBody': 'You will no longer be able to use {method} to sign in.',
  'security.cancel': 'Cancel',
  'security.lastMethod':
    'This is your only verification method and your account requires multi-factor authentication: add another method before you delete this one.',
  'security.onlyBackupsLeft':
    'You cannot delete your last method that works on its own: {methods} only back up another method. Add another method first, or delete {methods}.',
  'security.backupNotDefault': 'That method only backs up another one: it cannot be the default.',
  'security.password': 'Password',
  'security.changePassword': 'Change password',
  'security.appPasswords': 'App passwords',
  'security.appPasswordCount':
    '{n, plural, =0 {No app passwords.} one {# app password.} other {# app passwords.}}',
  'security.manage': 'Manage',
  'security.devices': 'Remembered devices',
  'security.deviceCount':
    '{n, plural, =0 {No device skips the second step.} one {# device skips the second step.} other {# devices skip the second step.}}',
  'security.forgetAll': 'Forget all',
  'security.recent': 'Recent sign-ins',
  'security.when': 'When',
  'security.application': 'Application',
  'security.address': 'Address',
  'security.result': 'Result',
  'security.result.success': 'Succeeded',
  'security.result.failure': 'Failed',
  'security.result.interrupted': 'Interrupted',
  'security.done.added': 'The method was added.',
  'security.done.deleted': 'The method was deleted.',
  'security.done.default': 'Your default method was changed.',
  'security.done.forgotten':
    'Your remembered devices were forgotten: each will ask for the second step again.',
  'security.back': 'Back to my account',

  // The admin portal's service settings, while texts and calls reach no phone (outbox).
  'admin.outbox.title': 'Text messages and calls are not delivered',
  'admin.outbox.body':
    "No telephony provider is configured (PORTCULLIS_TELEPHONY=outbox). Texts and calls for the methods marked below stay in this server's outbox and reach no phone: a user who chooses one of them cannot sign in with it. They can be read on the server with portcullis outbox.",
  'admin.outbox.simulatorOn':
    'The phone simulator is on: it shows them at /_dev/phone, to this machine and to administrators.',
  'admin.outbox.simulatorOff':
    'To try things out, the phone simulator shows them at /_dev/phone when PORTCULLIS_PHONE_SIMULATOR=true is set (to this machine and to administrators only).',
  'admin.outbox.configure':
    'To deliver them, set PORTCULLIS_TELEPHONY=webhook with PORTCULLIS_WEBHOOK_URL and PORTCULLIS_WEBHOOK_SECRET (your own SMS and voice gateway receives signed JSON), or PORTCULLIS_TELEPHONY=twilio with PORTCULLIS_TWILIO_ACCOUNT_SID, PORTCULLIS_TWILIO_AUTH_TOKEN and PORTCULLIS_TWILIO_FROM, then restart Portcullis (see docs/configuration.md). Until then, leave these methods unticked.',
  'admin.outbox.tag': 'not delivered',

  'error.title': 'That did not work',
  'error.serverTitle': 'Something went wrong',
  'error.notFoundTitle': 'Page not found',
  'error.notFound': 'There is no page at this address.',
  'error.backToSignin': 'Go to the sign-in page',
  'error.invalid_credentials': 'Your account or password is incorrect.',
  'error.invalid_code': 'That code is not correct. Try again.',
  'error.code_expired': 'That code has expired. Enter the latest code we sent, or send a new one.',
  'error.too_many_attempts': 'Too many attempts. Wait a little and try again.',
  'error.too_many_passwords':
    'Too many failed sign-ins. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  'error.too_many_codes':
    'Too many wrong codes. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  'error.attempt_ended': 'Too many wrong codes. Please sign in again.',
  'error.too_many_at_once': 'Too many codes at once. Try again in a moment.',
  'error.codes_locked':
    'Too many wrong codes: verification is locked for this account. Ask your administrator to unlock it.',
  'error.signin_locked':
    'Too many failed sign-ins: sign-in is locked for this account. Ask your administrator to unlock it.',
  'error.signin_expired': 'Your sign-in attempt has expired or ended. Please sign in again.',
  'error.csrf_failed':
    'This form has expired or was not sent from this site. Reload the page and try again.',
  'error.rate_limited':
    'Too many messages or calls were sent. Try again in {minutes, plural, one {# minute} other {# minutes}}.',
  'error.delivery_failed':
    "We couldn't reach your phone just now. Try again in a moment or use another option.",
  'error.service_unavailable': 'The service is temporarily unavailable. Try again shortly.',
  'error.signin_unavailable': 'Sign-in is temporarily unavailable. Try again in a few minutes.',
  'error.managed_by_directory':
    "This is managed by your organisation's directory: change it there.",
  'error.busy': 'Too many sign-ins at this moment. Try again in a second.',
  'error.internal_error': 'Something went wrong on our side.',

  'mail.greeting': 'Hello {name},',
  'mail.footer': 'If you did not expect this message, tell your administrator.\n— {issuer}',
  'mail.invitation.subject': 'Set up your {issuer} account',
  'mail.invitation.body':
    'An account was created for you: {upn}.\n\nOpen this link to choose your password and set up how you prove it is you when you sign in:\n{link}\n\nThe link works once and expires in {days, plural, one {# day} other {# days}}.',
  'mail.methodAdded.subject': 'A verification method was added to your account',
  'mail.methodAdded.body':
    '{method} was added as a way to verify your sign-ins to {upn}.\n\nIf you did not do this, tell your administrator at once: someone else may be able to sign in as you.',
  'mail.methodRemoved.subject': 'A verification method was removed from your account',
  'mail.methodRemoved.body':
    '{method} was removed from the ways to verify your sign-ins to {upn}.\n\nIf you did not do this, tell your administrator at once.',
  'mail.appPassword.subject': 'An app password was created for your account',
  'mail.appPassword.body':
    'An app password named "{name}" was created for {upn}. Programs that cannot do multi-factor authentication sign in with it.\n\nIf you did not do this, delete it on your account page and tell your administrator.',
  'mail.passwordChanged.subject': 'Your password was changed',
  'mail.passwordChanged.body':
    'The password of {upn} was changed.\n\nIf you did not do this, tell your administrator at once.',
  'invite.title': 'Set up your account',
  'invite.intro':
    'Choose a password for {upn}. Then you will set up how you prove it is you when you sign in.',
  'invite.submit': 'Set password and continue',
  'invite.expired':
    'This invitation link has expired or was already used. Ask your administrator for a new one.',
  'signout.confirm': 'You are signed in as {upn}. Sign out of {issuer}?',
  'device.title': 'Sign in on another device',
  'device.intro': 'Enter the code your device or application shows.',
  'device.code': 'Code',
  'device.next': 'Next',
  'device.noCode': 'Enter the code shown on your device.',
  'device.wrongCode': 'That code is not right. Check the code on your device and try again.',
  'device.expired': 'That code has expired. Start again on your device to get a new one.',
  'device.used': 'That code has already been used. Start again on your device to get a new one.',
  'device.cancelled':
    'You cancelled the sign-in. Your device was not signed in; you can close this window.',
  'device.failed': 'The sign-in could not be completed.',
  'device.tooMany': 'Too many wrong codes from your network. Wait a little, then try again.',
  'device.again': 'Enter the code again',
  'device.confirmTitle': 'Sign in to {app}?',
  'device.confirmAsking': '{app} is asking to sign in as you on a device.',
  'device.confirmCheck': 'Check that your device shows this code:',
  'device.confirmFrom': 'The request came from {ip}.',
  'device.confirmWarning':
    'Continue only if you started this yourself, on a device you have with you. If someone sent you this code, cancel.',
  'device.continue': 'Continue',
  'device.cancel': 'Cancel',
  'device.doneTitle': 'You are signed in',
  'device.done': '{app} on your device is now signed in. You can close this window.',
} as const;
