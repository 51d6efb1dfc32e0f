/* osl-address.h: typed addresses, checked against a paging mode
 *
 * Accepts hexadecimal (0x…), binary (0b…) and decimal, with `_` between
 * digits; every refusal is one sentence that names the value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-paging.h"

G_BEGIN_DECLS

#define OSL_ADDRESS_ERROR (osl_address_error_quark ())

typedef enum
{
  OSL_ADDRESS_ERROR_EMPTY,
  OSL_ADDRESS_ERROR_SYNTAX,
  OSL_ADDRESS_ERROR_TOO_WIDE,
  OSL_ADDRESS_ERROR_NOT_CANONICAL,
} OslAddressError;

GQuark   osl_address_error_quark   (void);
gboolean osl_address_parse_number  (const char            *text,
                                    guint64               *value,
                                    GError               **error);
gboolean osl_address_check         (const OslPagingConfig *config,
                                    guint64                va,
                                    GError               **error);
gboolean osl_address_parse         (const OslPagingConfig *config,
                                    const char            *text,
                                    guint64               *va,
                                    GError               **error);
char    *osl_address_format        (guint64                value,
                                    guint                  width_bits);

G_END_DECLS
