/* osl-py-format.c: Python's number parsing and printing, where C differs
 *
 * The OSTEP homework simulators read their inputs with Python's int() and
 * float() and print with str() and the % operator. C's strtol, strtod and
 * printf agree with them most of the time, and the differences are exactly
 * what a student notices: "1_000" is a number, "0x10" is not a float,
 * str(5.0) is "5.0", "%d" of a float truncates, "%x" of a negative number
 * puts the sign before the zero padding. Everything here is independent
 * of the C locale, because the simulators print a '.' everywhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <inttypes.h>

#include "osl-py-format.h"

/* A byte that no Python number contains, standing for anything that is
 * neither ASCII, nor a Unicode digit, nor Unicode white space. */
#define FOREIGN '\x01'

/* Python's str.isspace() for ASCII. */
static gboolean
is_py_space (char c)
{
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f');
}

/* Like Python's int() and float(), which first turn every Unicode digit
 * into its ASCII digit and every Unicode space into ' ', so that "٣" is 3. */
static char *
to_ascii_form (const char *text)
{
  GString *ascii = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          g_string_append_c (ascii, *p++);
          continue;
        }
      c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_c (ascii, FOREIGN);
          p++;
          continue;
        }
      if (g_unichar_isspace (c) || c == 0x85)
        g_string_append_c (ascii, ' ');
      else if (g_unichar_type (c) == G_UNICODE_DECIMAL_NUMBER)
        g_string_append_c (ascii, '0' + g_unichar_digit_value (c));
      else
        g_string_append_c (ascii, FOREIGN);
      p = g_utf8_next_char (p);
    }
  return g_string_free (ascii, FALSE);
}

/* Strips Python white space in place and returns the start. */
static char *
strip (char *text)
{
  char *end = text + strlen (text);

  while (is_py_space (*text))
    text++;
  while (end > text && is_py_space (end[-1]))
    *--end = '\0';
  return text;
}

static int
digit_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z')
    return c - 'A' + 10;
  return 99;
}

static gboolean
has_base_prefix (const char *s,
                 guint       base)
{
  char letter = base == 16 ? 'x' : base == 8 ? 'o' : base == 2 ? 'b' : '\0';

  return letter != '\0' && s[0] == '0' && g_ascii_tolower (s[1]) == letter;
}

/**
 * osl_py_parse_int:
 * @text: what the user typed
 * @base: 2, 8, 10 or 16
 *
 * Python's int(text, base): surrounding white space, a sign, the base's own
 * prefix ("0x" for 16) and single underscores between digits are allowed.
 * Returns %FALSE for anything else, and for values outside 64 bits.
 */
gboolean
osl_py_parse_int (const char *text,
                  guint       base,
                  gint64     *value)
{
  g_autofree char *ascii = to_ascii_form (text);
  const char *s = strip (ascii);
  gboolean negative = FALSE, digit_before = FALSE;
  guint64 magnitude = 0, limit;
  guint n_digits = 0;

  if (*s == '+' || *s == '-')
    negative = *s++ == '-';
  if (has_base_prefix (s, base))
    {
      s += 2;
      /* After a prefix, one underscore may come before the first digit. */
      digit_before = TRUE;
    }
  limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;
  for (; *s != '\0'; s++)
    {
      int d;

      if (*s == '_')
        {
          if (!digit_before)
            return FALSE;
          digit_before = FALSE;
          continue;
        }
      d = digit_value (*s);
      if (d >= (int) base)
        return FALSE;
      if (magnitude > (limit - d) / base)
        return FALSE;
      magnitude = magnitude * base + d;
      digit_before = TRUE;
      n_digits++;
    }
  if (n_digits == 0 || !digit_before)
    return FALSE;
  *value = negative ? (gint64) (0 - magnitude) : (gint64) magnitude;
  return TRUE;
}

/* Copies a run of digits with single underscores between them to @clean,
 * dropping the underscores. Returns the number of digits, or -1. */
static int
take_digits (const char **s,
             GString     *clean)
{
  int n = 0;

  while (g_ascii_isdigit (**s) || (**s == '_' && n > 0 && g_ascii_isdigit ((*s)[1])))
    {
      if (**s != '_')
        {
          g_string_append_c (clean, **s);
          n++;
        }
      (*s)++;
    }
  return n;
}

/**
 * osl_py_parse_float:
 *
 * Python's float(text): decimal notation with optional underscores between
 * digits, "inf", "infinity" and "nan" in any case, and no hexadecimal.
 */
gboolean
osl_py_parse_float (const char *text,
                    double     *value)
{
  g_autofree char *ascii = to_ascii_form (text);
  g_autoptr(GString) clean = g_string_new (NULL);
  const char *s = strip (ascii);
  int n_int, n_frac = 0;

  if (*s == '+' || *s == '-')
    g_string_append_c (clean, *s++);
  if (g_ascii_strcasecmp (s, "inf") == 0 || g_ascii_strcasecmp (s, "infinity") == 0)
    {
      *value = clean->len > 0 && clean->str[0] == '-' ? -INFINITY : INFINITY;
      return TRUE;
    }
  if (g_ascii_strcasecmp (s, "nan") == 0)
    {
      *value = NAN;
      return TRUE;
    }
  n_int = take_digits (&s, clean);
  if (*s == '.')
    {
      g_string_append_c (clean, *s++);
      n_frac = take_digits (&s, clean);
    }
  if (n_int + n_frac == 0)
    return FALSE;
  if (*s == 'e' || *s == 'E')
    {
      g_string_append_c (clean, *s++);
      if (*s == '+' || *s == '-')
        g_string_append_c (clean, *s++);
      if (take_digits (&s, clean) == 0)
        return FALSE;
    }
  if (*s != '\0')
    return FALSE;
  *value = g_ascii_strtod (clean->str, NULL);
  return TRUE;
}

/* The fewest significant digits that read back as @value (finite, > 0):
 * fills @digits without a point and returns the decimal exponent of the
 * first digit. */
static int
shortest_digits (double  value,
                 char   *digits,
                 gsize   size)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  const char *e;
  gsize n = 0;

  for (int precision = 1; precision <= 17; precision++)
    {
      g_snprintf (format, sizeof format, "%%.%de", precision - 1);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  e = strchr (buffer, 'e');
  for (const char *p = buffer; p < e && n + 1 < size; p++)
    if (g_ascii_isdigit (*p))
      digits[n++] = *p;
  while (n > 1 && digits[n - 1] == '0')
    n--;
  digits[n] = '\0';
  return atoi (e + 1);
}

/**
 * osl_py_append_float_str:
 *
 * Python 3's str(float): the shortest string that reads back to the same
 * double, positional for decimal exponents −4 … 15 ("5.0", "0.0001"),
 * exponent form otherwise ("1e-05", "1e+16").
 */
void
osl_py_append_float_str (GString *out,
                         double   value)
{
  char digits[32];
  int exponent, n_digits;

  if (isnan (value))
    {
      g_string_append (out, "nan");
      return;
    }
  if (signbit (value))
    g_string_append_c (out, '-');
  value = fabs (value);
  if (isinf (value))
    {
      g_string_append (out, "inf");
      return;
    }
  if (value == 0)
    {
      g_string_append (out, "0.0");
      return;
    }
  exponent = shortest_digits (value, digits, sizeof digits);
  n_digits = strlen (digits);
  if (exponent < -4 || exponent >= 16)
    {
      g_string_append_c (out, digits[0]);
      if (n_digits > 1)
        g_string_append_printf (out, ".%s", digits + 1);
      g_string_append_printf (out, "e%c%02d", exponent < 0 ? '-' : '+', ABS (exponent));
    }
  else if (exponent < 0)
    {
      g_string_append (out, "0.");
      for (int i = -1; i > exponent; i--)
        g_string_append_c (out, '0');
      g_string_append (out, digits);
    }
  else if (exponent + 1 < n_digits)
    {
      g_string_append_len (out, digits, exponent + 1);
      g_string_append_printf (out, ".%s", digits + exponent + 1);
    }
  else
    {
      g_string_append (out, digits);
      for (int i = n_digits; i <= exponent; i++)
        g_string_append_c (out, '0');
      g_string_append (out, ".0");
    }
}

char *
osl_py_float_str (double value)
{
  GString *out = g_string_new (NULL);

  osl_py_append_float_str (out, value);
  return g_string_free (out, FALSE);
}

/**
 * osl_py_append_float_as_int:
 *
 * Python's "%*d" % value for a float: the value truncated toward zero,
 * with every digit of a huge double. Returns %FALSE for infinities and
 * NaN, which Python refuses to convert.
 */
gboolean
osl_py_append_float_as_int (GString *out,
                            guint    width,
                            double   value)
{
  double truncated = trunc (value);

  if (!isfinite (value))
    return FALSE;
  if (fabs (truncated) < 9.2e18)
    g_string_append_printf (out, "%*" PRId64, width, (gint64) truncated);
  else
    /* glibc prints the exact decimal value of a double. */
    g_string_append_printf (out, "%*.0f", width, truncated);
  return TRUE;
}

static void
append_padded (GString    *out,
               guint       width,
               const char *text)
{
  for (gsize n = strlen (text); n < width; n++)
    g_string_append_c (out, ' ');
  g_string_append (out, text);
}

/* Python's "%*.*f": like C's, but always with a '.' and never "-nan". */
void
osl_py_append_fixed (GString *out,
                     guint    width,
                     guint    precision,
                     double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 320];
  char format[16];

  if (isnan (value))
    {
      append_padded (out, width, "nan");
      return;
    }
  if (isinf (value))
    {
      append_padded (out, width, value < 0 ? "-inf" : "inf");
      return;
    }
  g_snprintf (format, sizeof format, "%%.%uf", precision);
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  append_padded (out, width, buffer);
}

/* Python's "%0*x": the sign comes first and counts toward the width. */
void
osl_py_append_hex (GString *out,
                   guint    width,
                   gint64   value)
{
  guint64 magnitude = value < 0 ? 0 - (guint64) value : (guint64) value;

  if (value < 0)
    {
      g_string_append_c (out, '-');
      width = width > 0 ? width - 1 : 0;
    }
  g_string_append_printf (out, "%0*" PRIx64, width, magnitude);
}

/* Python's unicodedata-based str.isprintable() for one character. */
static gboolean
is_py_printable (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return FALSE;
    case G_UNICODE_SPACE_SEPARATOR:
      return c == ' ';
    default:
      return TRUE;
    }
}

static void
append_escaped_char (GString  *out,
                     gunichar  c)
{
  if (c == '\t')
    g_string_append (out, "\\t");
  else if (c == '\n')
    g_string_append (out, "\\n");
  else if (c == '\r')
    g_string_append (out, "\\r");
  else if (c < 0x100)
    g_string_append_printf (out, "\\x%02x", c);
  else if (c < 0x10000)
    g_string_append_printf (out, "\\u%04x", c);
  else
    g_string_append_printf (out, "\\U%08x", c);
}

/**
 * osl_py_append_str_repr:
 *
 * Python's repr() of a command-line string, as optparse quotes a value it
 * rejects: single quotes unless the text holds a ' and no ", escapes for
 * what cannot be printed, and "\udcXX" for a byte that is not UTF-8.
 */
void
osl_py_append_str_repr (GString    *out,
                        const char *text)
{
  char quote = strchr (text, '\'') != NULL && strchr (text, '"') == NULL ? '"' : '\'';
  const char *p = text;

  g_string_append_c (out, quote);
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\udc%02x", (guchar) *p++);
          continue;
        }
      if (c == (gunichar) quote || c == '\\')
        g_string_append_printf (out, "\\%c", (char) c);
      else if (is_py_printable (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else
        append_escaped_char (out, c);
      p = g_utf8_next_char (p);
    }
  g_string_append_c (out, quote);
}
