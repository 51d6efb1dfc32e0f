/* osl-js-number.c: a double as JavaScript's Number.prototype.toString () prints it
 *
 * The reference FSRS seeds its interval fuzz with a string that contains
 * difficulty × stability as JavaScript prints it (ECMAScript
 * Number::toString): the shortest digits that read back as the same
 * double, the one closest to it among those, laid out in plain or
 * exponent notation by the size of the number.
 *
 * Replaying a long history formats one such number per card. The digits
 * of numbers from 0.001 to 10^15, which covers every D × S (D is kept
 * within 1–10, S within 0.001–36500), are found with exact 128-bit
 * integer arithmetic; any other number goes through printf and strtod,
 * which are exact too but ten times slower.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "osl-js-number.h"

/* Decimal digits without trailing zeros, and where the decimal point
 * goes: the value is 0.DIGITS × 10^point. */
typedef struct
{
  char  digits[20];
  int   n_digits;
  int   point;
} Decimal;

/* Strips trailing zeros from the @n_digits digits of @decimal. */
static void
decimal_trim (Decimal *decimal)
{
  while (decimal->n_digits > 1 && decimal->digits[decimal->n_digits - 1] == '0')
    decimal->n_digits--;
  decimal->digits[decimal->n_digits] = '\0';
}

/* The decimal @digits × 10^-@k. */
static void
decimal_from_integer (guint64  digits,
                      int      k,
                      Decimal *decimal)
{
  char reversed[20];
  int n = 0;

  do
    {
      reversed[n++] = '0' + digits % 10;
      digits /= 10;
    }
  while (digits > 0);
  for (int i = 0; i < n; i++)
    decimal->digits[i] = reversed[n - 1 - i];
  decimal->n_digits = n;
  decimal->point = n - k;
  decimal_trim (decimal);
}

/* printf's correctly rounded "d.ddde±XX" as digits × 10^-@k. */
static guint64
printed_digits (const char *text,
                int        *k)
{
  guint64 digits = 0;
  int n_digits = 0;
  const char *p;

  for (p = text; *p != 'e'; p++)
    if (*p != '.')
      {
        digits = digits * 10 + (*p - '0');
        n_digits++;
      }
  *k = n_digits - 1 - atoi (p + 1);
  return digits;
}

static gboolean
decimal_reads_back (guint64 digits,
                    int     k,
                    double  value)
{
  char text[40];

  snprintf (text, sizeof text, "%" G_GUINT64_FORMAT "e%d", digits, -k);
  return strtod (text, NULL) == value;
}

/* Tries 1, 2, … 17 digits: the nearest decimal of that length, and at a
 * power of two, whose gap below is half the gap above, also the one just
 * above when the nearest lies below. */
static void
shortest_digits_printf (double   value,
                        Decimal *decimal)
{
  int binary_exponent;
  gboolean power_of_two = frexp (value, &binary_exponent) == 0.5;
  guint64 digits = 0;
  int k = 0;

  for (int precision = 0; precision < 17; precision++)
    {
      char text[40];
      double nearest;

      snprintf (text, sizeof text, "%.*e", precision, value);
      digits = printed_digits (text, &k);
      nearest = strtod (text, NULL);
      if (nearest == value)
        break;
      if (power_of_two && nearest < value && decimal_reads_back (digits + 1, k, value))
        {
          digits++;
          break;
        }
    }
  decimal_from_integer (digits, k, decimal);
}

#ifdef __SIZEOF_INT128__

#define FAST_MIN 1e-3
#define FAST_MAX 1e15

typedef unsigned __int128 u128;

static const guint64 powers_of_ten[] = {
  G_GUINT64_CONSTANT (1), G_GUINT64_CONSTANT (10), G_GUINT64_CONSTANT (100),
  G_GUINT64_CONSTANT (1000), G_GUINT64_CONSTANT (10000), G_GUINT64_CONSTANT (100000),
  G_GUINT64_CONSTANT (1000000), G_GUINT64_CONSTANT (10000000), G_GUINT64_CONSTANT (100000000),
  G_GUINT64_CONSTANT (1000000000), G_GUINT64_CONSTANT (10000000000),
  G_GUINT64_CONSTANT (100000000000), G_GUINT64_CONSTANT (1000000000000),
  G_GUINT64_CONSTANT (10000000000000), G_GUINT64_CONSTANT (100000000000000),
  G_GUINT64_CONSTANT (1000000000000000), G_GUINT64_CONSTANT (10000000000000000),
  G_GUINT64_CONSTANT (100000000000000000), G_GUINT64_CONSTANT (1000000000000000000),
  G_GUINT64_CONSTANT (10000000000000000000),
};

/* The value is mantissa / 2^shift exactly, 2^52 ≤ mantissa < 2^53; in
 * the fast range 3 ≤ shift ≤ 62, and scaled by up to 10^19 every
 * product below stays under 2^120. */
typedef struct
{
  guint64  mantissa;
  int      shift;
} Binary;

static u128
scaled_exact (const Binary *binary,
              int           k)
{
  return (u128) binary->mantissa * powers_of_ten[k];
}

/* ⌊value × 10^@k⌋ */
static u128
scaled_floor (const Binary *binary,
              int           k)
{
  return scaled_exact (binary, k) >> binary->shift;
}

/* value × 10^@k correctly rounded to an integer, ties to even, as
 * printf rounds. */
static guint64
scaled_round (const Binary *binary,
              int           k)
{
  u128 exact = scaled_exact (binary, k);
  guint64 whole = (guint64) (exact >> binary->shift);
  u128 rest = exact & (((u128) 1 << binary->shift) - 1);
  u128 half = (u128) 1 << (binary->shift - 1);

  if (rest > half || (rest == half && (whole & 1) != 0))
    whole++;
  return whole;
}

/* Whether @digits × 10^-@k reads back as the value: it must lie within
 * half a gap of the neighbouring doubles, a tie going to the even
 * mantissa. (The gap below a power of two is narrower, but the powers
 * of two of the fast range have at most 15 digits and are met exactly.) */
static gboolean
reads_back (const Binary *binary,
            guint64       digits,
            int           k)
{
  u128 candidate = (u128) digits << binary->shift;
  u128 exact = scaled_exact (binary, k);
  u128 twice_distance = 2 * (candidate > exact ? candidate - exact : exact - candidate);
  u128 gap = powers_of_ten[k];

  return twice_distance < gap || (twice_distance == gap && (binary->mantissa & 1) == 0);
}

/* The doubles of the fast range are normal, so no two decimals of 15
 * digits read back as the same one: when the shortest has at most 15
 * digits, it is the nearest 15 with their trailing zeros dropped. */
static void
shortest_digits_exact (double   value,
                       Decimal *decimal)
{
  guint64 bits;
  Binary binary;
  int exponent10 = CLAMP ((int) floor (log10 (value)), -3, 14);
  guint64 digits = 0;
  int k = 0;

  memcpy (&bits, &value, sizeof bits);
  binary.mantissa = (bits & ((G_GUINT64_CONSTANT (1) << 52) - 1)) | (G_GUINT64_CONSTANT (1) << 52);
  binary.shift = 1075 - (int) (bits >> 52);
  /* log10 may be off by one next to a power of ten; the value has
   * exactly 17 digits before the point when scaled by 10^(16 − e). */
  if (exponent10 > -3 && scaled_floor (&binary, 16 - exponent10) < powers_of_ten[16])
    exponent10--;
  else if (exponent10 < 14 && scaled_floor (&binary, 16 - exponent10) >= powers_of_ten[17])
    exponent10++;
  for (int precision = 15; precision <= 17; precision++)
    {
      k = precision - 1 - exponent10;
      digits = scaled_round (&binary, k);
      if (reads_back (&binary, digits, k))
        break;
    }
  decimal_from_integer (digits, k, decimal);
}

static void
shortest_digits (double   value,
                 Decimal *decimal)
{
  if (value >= FAST_MIN && value < FAST_MAX)
    shortest_digits_exact (value, decimal);
  else
    shortest_digits_printf (value, decimal);
}

#else

static void
shortest_digits (double   value,
                 Decimal *decimal)
{
  shortest_digits_printf (value, decimal);
}

#endif

static char *
put (char       *p,
     const char *text,
     gsize       length)
{
  memcpy (p, text, length);
  return p + length;
}

static char *
put_zeros (char *p,
           int   count)
{
  for (int i = 0; i < count; i++)
    *p++ = '0';
  return p;
}

/* ECMAScript Number::toString's layout: k digits, point n. */
static char *
put_decimal (char          *p,
             const Decimal *decimal)
{
  int k = decimal->n_digits, n = decimal->point;

  if (k <= n && n <= 21)
    return put_zeros (put (p, decimal->digits, k), n - k);
  if (0 < n && n <= 21)
    {
      p = put (p, decimal->digits, n);
      *p++ = '.';
      return put (p, decimal->digits + n, k - n);
    }
  if (-6 < n && n <= 0)
    {
      p = put_zeros (put (p, "0.", 2), -n);
      return put (p, decimal->digits, k);
    }
  *p++ = decimal->digits[0];
  if (k > 1)
    {
      *p++ = '.';
      p = put (p, decimal->digits + 1, k - 1);
    }
  return p + sprintf (p, "e%c%d", n - 1 < 0 ? '-' : '+', ABS (n - 1));
}

/**
 * osl_js_number_format:
 * @out: (out): where the text goes, with a terminating NUL
 *
 * Prints @value exactly as JavaScript's String (value) does: "0.1",
 * "24.107843000000003", "1e+21", "5e-7".
 *
 * Returns: the length of the text
 */
gsize
osl_js_number_format (double value,
                      char   out[OSL_JS_NUMBER_BUFFER_SIZE])
{
  Decimal decimal;
  char *p = out;

  if (isnan (value))
    return g_strlcpy (out, "NaN", OSL_JS_NUMBER_BUFFER_SIZE);
  if (value < 0)
    *p++ = '-';
  if (isinf (value))
    return g_strlcpy (p, "Infinity", OSL_JS_NUMBER_BUFFER_SIZE - 1) + (p - out);
  if (value == 0)
    {
      /* JavaScript prints -0 as "0". */
      out[0] = '0';
      out[1] = '\0';
      return 1;
    }
  shortest_digits (fabs (value), &decimal);
  p = put_decimal (p, &decimal);
  *p = '\0';
  return p - out;
}
