// xml-encryption ships no types; the part we use.
declare module 'xml-encryption' {
  interface EncryptOptions {
    rsa_pub: string;
    pem: string;
    encryptionAlgorithm: string;
    keyEncryptionAlgorithm: string;
    keyEncryptionDigest?: string;
    disallowEncryptionWithInsecureAlgorithm?: boolean;
    warnInsecureAlgorithm?: boolean;
  }
  export function encrypt(
    content: string,
    options: EncryptOptions,
    callback: (err: Error | null, result: string) => void,
  ): void;
  export function decrypt(
    xml: string,
    options: {
      key: string;
      disallowDecryptionWithInsecureAlgorithm?: boolean;
      warnInsecureAlgorithm?: boolean;
    },
    callback: (err: Error | null, result: string) => void,
  ): void;
}
