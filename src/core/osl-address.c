/* osl-address.c: typed addresses, checked against a paging mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <inttypes.h>

#include "osl-address.h"

/* Longer input is refused before it is echoed back in a message. */
#define MAX_ADDRESS_CHARS 100

G_DEFINE_QUARK (osl-address-error-quark, osl_address_error)

static int
digit_value (char c)
{
  if (g_ascii_isdigit (c))
    return c - '0';
  if (g_ascii_isxdigit (c))
    return g_ascii_xdigit_value (c);
  return -1;
}

static gboolean
syntax_error (GError     **error,
              const char  *text,
              const char  *format,
              char         bad)
{
  g_set_error (error, OSL_ADDRESS_ERROR, OSL_ADDRESS_ERROR_SYNTAX, format, text,
               g_ascii_isprint (bad) ? bad : '?');
  return FALSE;
}

gboolean
osl_address_parse_number (const char  *text,
                          guint64     *value,
                          GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *shown = NULL;
  const char *p;
  guint base = 10;
  guint64 result = 0;
  gboolean any_digit = FALSE;

  if (strlen (text) > MAX_ADDRESS_CHARS)
    {
      g_set_error (error, OSL_ADDRESS_ERROR, OSL_ADDRESS_ERROR_TOO_WIDE,
                   _("That address is %zu characters long; no address needs more than %d."),
                   strlen (text), MAX_ADDRESS_CHARS);
      return FALSE;
    }
  trimmed = g_strstrip (g_strdup (text));
  shown = g_utf8_make_valid (trimmed, -1);
  if (*trimmed == '\0')
    {
      g_set_error (error, OSL_ADDRESS_ERROR, OSL_ADDRESS_ERROR_EMPTY,
                   _("Type an address, e.g. 0xC0801ABC."));
      return FALSE;
    }
  p = trimmed;
  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
    base = 16, p += 2;
  else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B'))
    base = 2, p += 2;

  for (; *p != '\0'; p++)
    {
      int digit = digit_value (*p);

      if (*p == '_' && any_digit && p[1] != '\0' && p[1] != '_')
        continue;
      if (digit < 0 || (guint) digit >= base)
        {
          if (base == 16)
            return syntax_error (error, shown, _("“%s” is not hexadecimal: ‘%c’ is not a digit 0–9 or A–F."), *p);
          if (base == 2)
            return syntax_error (error, shown, _("“%s” is not binary: ‘%c’ is not 0 or 1."), *p);
          if (digit >= 0)
            return syntax_error (error, shown, _("“%s” is not a decimal number (‘%c’ is a hexadecimal digit): write hexadecimal with 0x."), *p);
          return syntax_error (error, shown, _("“%s” is not a number: ‘%c’ is not a digit."), *p);
        }
      if (result > (G_MAXUINT64 - digit) / base)
        {
          g_set_error (error, OSL_ADDRESS_ERROR, OSL_ADDRESS_ERROR_TOO_WIDE,
                       _("“%s” is too wide: an address has at most 64 bits."), shown);
          return FALSE;
        }
      result = result * base + digit;
      any_digit = TRUE;
    }
  if (!any_digit)
    {
      g_set_error (error, OSL_ADDRESS_ERROR, OSL_ADDRESS_ERROR_SYNTAX,
                   _("“%s” has no digits after its prefix."), shown);
      return FALSE;
    }
  *value = result;
  return TRUE;
}

/* Formats @value as 0x… with as many digits as @width_bits needs. */
char *
osl_address_format (guint64 value,
                    guint   width_bits)
{
  return g_strdup_printf ("0x%0*" PRIX64, (int) ((width_bits + 3) / 4), value);
}

gboolean
osl_address_check (const OslPagingConfig  *config,
                   guint64                 va,
                   GError                **error)
{
  guint width = osl_paging_address_width (config);
  guint top = osl_paging_va_bits (config) - 1;

  if (width < 64 && (va >> width) != 0)
    {
      g_autofree char *shown = osl_address_format (va, 4 * ((g_bit_nth_msf (va, -1) + 4) / 4));

      g_set_error (error, OSL_ADDRESS_ERROR, OSL_ADDRESS_ERROR_TOO_WIDE,
                   _("%s is too wide for %s: it needs %d bits and the mode has %u."),
                   shown, osl_paging_mode_to_string (config->mode), g_bit_nth_msf (va, -1) + 1, width);
      return FALSE;
    }
  if (!osl_paging_is_canonical (config, va))
    {
      g_autofree char *shown = osl_address_format (va, 64);

      g_set_error (error, OSL_ADDRESS_ERROR, OSL_ADDRESS_ERROR_NOT_CANONICAL,
                   _("%s is not canonical: bits 63–%u must copy bit %u."), shown, top + 1, top);
      return FALSE;
    }
  return TRUE;
}

gboolean
osl_address_parse (const OslPagingConfig  *config,
                   const char             *text,
                   guint64                *va,
                   GError                **error)
{
  guint64 value;

  if (!osl_address_parse_number (text, &value, error) ||
      !osl_address_check (config, value, error))
    return FALSE;
  *va = value;
  return TRUE;
}
