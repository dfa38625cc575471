/** The part of sm-crypto (0.5.x, no bundled types) this module uses. */
declare module 'sm-crypto' {
  type SignOptions = { hash?: boolean; der?: boolean; userId?: string; publicKey?: string }
  export const sm2: {
    generateKeyPairHex(): { publicKey: string; privateKey: string }
    getPublicKeyFromPrivateKey(privateKey: string): string
    doSignature(message: string | number[], privateKey: string, options?: SignOptions): string
    doVerifySignature(
      message: string | number[],
      signature: string,
      publicKey: string,
      options?: SignOptions,
    ): boolean
  }
}
