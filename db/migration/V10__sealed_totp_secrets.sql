-- Authenticator secrets are stored sealed by SecretBox (AES-256-GCM: "v1:" and base64 of IV,
-- ciphertext and tag, 83 characters for a 32-character secret), longer than the plain base32
-- secret. A plain value written before stays readable and is sealed when it is next written.
alter table app_user alter column totp_secret set data type varchar(200);
