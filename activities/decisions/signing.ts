import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { canonicalJson } from '../audit/canonical';
import { statementDomain, type DecisionStatement } from '../../domain/decisions';

/** The exact bytes a decision signature covers: a domain tag, then the statement as canonical JSON. */
export function statementBytes(statement: DecisionStatement): Buffer {
  return Buffer.from(statementDomain + canonicalJson(statement), 'utf8');
}

/** A key's id: the first 32 hex digits of the SHA-256 of its public key (SPKI DER), stable and public. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 32);
}

export function publicKeyFromBase64(spkiBase64: string): KeyObject {
  return createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
}

export const publicKeyToBase64 = (publicKey: KeyObject): string =>
  publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

export interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
  publicKeyBase64: string;
}

export function generateSigningKey(): SigningKey & { privateKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    keyId: keyIdOf(publicKey),
    privateKey,
    publicKeyBase64: publicKeyToBase64(publicKey),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export function signingKeyFromPem(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('a decision key must be Ed25519');
  const publicKey = createPublicKey(privateKey);
  return { keyId: keyIdOf(publicKey), privateKey, publicKeyBase64: publicKeyToBase64(publicKey) };
}

export function signStatement(statement: DecisionStatement, key: SigningKey): string {
  return sign(null, statementBytes(statement), key.privateKey).toString('base64url');
}

export function signatureHolds(statement: DecisionStatement, signature: string, publicKey: KeyObject): boolean {
  try {
    return verify(null, statementBytes(statement), publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/** `sha256:<hex>` of a text, or of a value's canonical JSON: how tickets and reviews name what they decide. */
export function contentSubject(value: unknown): string {
  const text = typeof value === 'string' ? value : canonicalJson(value);
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}
