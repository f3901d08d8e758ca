import { z } from 'zod';

/** Entity ids: short, URL- and filename-safe. */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'An id is 1-64 letters, digits, "-" or "_".');
export type Id = z.infer<typeof idSchema>;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
let lastTime = 0;
let counter = 0;

/**
 * A new id that sorts after every id this process made before (time, then a counter), so that sorting
 * entities by id (the canonical order) is also creation order. `prefix` says what the id names ("c", "e"...).
 */
export function newId(prefix: string, now: number = Date.now()): Id {
  if (now <= lastTime) {
    counter += 1;
  } else {
    lastTime = now;
    counter = 0;
  }
  const random = new Uint8Array(6);
  crypto.getRandomValues(random);
  let tail = '';
  for (const byte of random) tail += ALPHABET[byte % 36];
  const time = lastTime.toString(36).padStart(9, '0');
  return `${prefix}_${time}${counter.toString(36).padStart(3, '0')}${tail}`;
}
