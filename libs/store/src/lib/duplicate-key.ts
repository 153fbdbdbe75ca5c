/**
 * The store refused a write because a unique key is taken. An insert gives MongoDB's code 11000
 * on both stores; an update that breaks a unique index gives 11000 on MongoDB, but FerretDB v1
 * answers it with the generic code 1 (InternalError) and the backend's constraint message
 * (measured: "UNIQUE constraint failed" on SQLite, "duplicate key value" on PostgreSQL).
 */
export function isDuplicateKeyError(err: unknown): boolean {
  const { code, message, errmsg } = (err ?? {}) as { code?: number; message?: string; errmsg?: string };
  if (code === 11000 || code === 11001) return true;
  return code === 1 && /UNIQUE constraint failed|duplicate key value violates unique constraint/.test(`${errmsg ?? message ?? ''}`);
}
