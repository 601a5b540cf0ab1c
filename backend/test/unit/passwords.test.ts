import { hashPassword, verifyPassword } from '../../src/routes/auth/passwords';

describe('password hashing', () => {
  it('verifies the right password and refuses others', async () => {
    const hash = await hashPassword('correct horse battery', 14);
    expect(hash).toMatch(/^scrypt\$14\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password!', 14)).not.toBe(await hashPassword('same password!', 14));
  });

  it('reads the cost from the stored hash, so raising it keeps old hashes valid', async () => {
    const old = await hashPassword('correct horse battery', 14);
    expect(await verifyPassword('correct horse battery', old)).toBe(true);
    const stronger = await hashPassword('correct horse battery', 15);
    expect(stronger.startsWith('scrypt$15$')).toBe(true);
    expect(await verifyPassword('correct horse battery', stronger)).toBe(true);
  });

  it('refuses stored values it does not recognise', async () => {
    expect(await verifyPassword('x', 'bcrypt$2b$...')).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
  });
});
