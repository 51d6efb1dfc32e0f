/* osl-py-random.c: CPython's random.random(), bit for bit
 *
 * The OSTEP homework simulators draw every random number with Python's
 * random.random() after random.seed(n). To replay their exercises we
 * reproduce that stream exactly: MT19937 seeded through init_by_array
 * with the absolute value of n split into 32-bit words, and a 53-bit
 * double made from two outputs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-py-random.h"

#define N OSL_PY_RANDOM_STATE_WORDS
#define M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

static void
init_genrand (OslPyRandom *self,
              guint32      s)
{
  self->mt[0] = s;
  for (guint i = 1; i < N; i++)
    self->mt[i] = 1812433253U * (self->mt[i - 1] ^ (self->mt[i - 1] >> 30)) + i;
  self->index = N;
}

static void
init_by_array (OslPyRandom   *self,
               const guint32 *key,
               guint          key_length)
{
  guint i = 1, j = 0;

  init_genrand (self, 19650218U);
  for (guint k = MAX (N, key_length); k > 0; k--)
    {
      self->mt[i] = (self->mt[i] ^ ((self->mt[i - 1] ^ (self->mt[i - 1] >> 30)) * 1664525U))
                    + key[j] + j;
      i++, j++;
      if (i >= N)
        {
          self->mt[0] = self->mt[N - 1];
          i = 1;
        }
      if (j >= key_length)
        j = 0;
    }
  for (guint k = N - 1; k > 0; k--)
    {
      self->mt[i] = (self->mt[i] ^ ((self->mt[i - 1] ^ (self->mt[i - 1] >> 30)) * 1566083941U)) - i;
      i++;
      if (i >= N)
        {
          self->mt[0] = self->mt[N - 1];
          i = 1;
        }
    }
  self->mt[0] = 0x80000000U;
  self->index = N;
}

static void
twist (OslPyRandom *self)
{
  for (guint k = 0; k < N; k++)
    {
      guint32 y = (self->mt[k] & UPPER_MASK) | (self->mt[(k + 1) % N] & LOWER_MASK);
      self->mt[k] = self->mt[(k + M) % N] ^ (y >> 1) ^ ((y & 1U) ? MATRIX_A : 0U);
    }
  self->index = 0;
}

/**
 * osl_py_random_seed:
 *
 * Same as Python's random.seed(seed) for an integer: the sign is dropped
 * and the magnitude becomes a key of one or two 32-bit words.
 */
void
osl_py_random_seed (OslPyRandom *self,
                    gint64       seed)
{
  guint64 magnitude = seed < 0 ? -(guint64) seed : (guint64) seed;
  guint32 key[2] = { (guint32) magnitude, (guint32) (magnitude >> 32) };

  init_by_array (self, key, key[1] != 0 ? 2 : 1);
}

guint32
osl_py_random_next_uint32 (OslPyRandom *self)
{
  guint32 y;

  if (self->index >= N)
    twist (self);
  y = self->mt[self->index++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= y >> 18;
  return y;
}

/* random.random(): a multiple of 2^-53 in [0, 1). */
double
osl_py_random_random (OslPyRandom *self)
{
  guint32 a = osl_py_random_next_uint32 (self) >> 5;
  guint32 b = osl_py_random_next_uint32 (self) >> 6;

  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}
