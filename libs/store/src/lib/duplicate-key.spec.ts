import { isDuplicateKeyError } from './duplicate-key';

describe('recognising a taken unique key', () => {
  it("recognises MongoDB's duplicate key error, code 11000", () => {
    expect(isDuplicateKeyError({ code: 11000, errmsg: 'E11000 duplicate key error collection: identity.accounts' })).toBe(true);
  });

  it("recognises FerretDB's answer to an update that breaks a unique index: code 1 with the SQLite constraint", () => {
    const errmsg =
      "[msg_update.go:133 handler.(*Handler).updateDocument] [update.go:114 common.UpdateDocument] constraint failed: UNIQUE constraint failed: index 't_f10c3da3_k_1' (2067)";
    expect(isDuplicateKeyError({ code: 1, codeName: 'InternalError', errmsg })).toBe(true);
  });

  it("recognises FerretDB's code 1 with the PostgreSQL constraint", () => {
    expect(isDuplicateKeyError({ code: 1, message: 'ERROR: duplicate key value violates unique constraint "plans_namekey" (SQLSTATE 23505)' })).toBe(true);
  });

  it('does not take any other failure for a taken key', () => {
    expect(isDuplicateKeyError({ code: 1, errmsg: 'connection reset' })).toBe(false);
    expect(isDuplicateKeyError({ code: 2, errmsg: 'UNIQUE constraint failed' })).toBe(false);
    expect(isDuplicateKeyError(new Error('E11000'))).toBe(false);
    expect(isDuplicateKeyError(undefined)).toBe(false);
  });
});
