/* fuzz-memory-address.c: the typed-address parser in every mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "osl-address.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);

  for (OslPagingMode mode = 0; mode < OSL_PAGING_TEXTBOOK; mode++)
    {
      g_autoptr(GError) error = NULL;
      OslPagingConfig config;
      guint64 va;

      osl_paging_config_init (&config, mode);
      if (osl_address_parse (&config, text, &va, &error))
        g_assert_true (osl_address_check (&config, va, NULL));
      else
        g_assert_true (error != NULL && g_utf8_validate (error->message, -1, NULL));
    }
  return 0;
}
