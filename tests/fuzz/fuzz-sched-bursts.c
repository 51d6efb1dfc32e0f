/* fuzz-sched-bursts.c: typed burst lists such as "CPU 5, IO 3, CPU 2"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "osl-sched.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GArray) bursts = g_array_new (FALSE, FALSE, sizeof (OslBurst));
  g_autoptr(GArray) again = g_array_new (FALSE, FALSE, sizeof (OslBurst));
  g_autoptr(GError) error = NULL;
  g_autofree char *formatted = NULL;

  if (!osl_sched_parse_bursts (text, bursts, &error))
    {
      g_assert_nonnull (error);
      return 0;
    }
  /* What the app writes back must read the same. */
  formatted = osl_sched_format_bursts (bursts);
  g_assert_true (osl_sched_parse_bursts (formatted, again, NULL));
  g_assert_cmpmem (bursts->data, bursts->len * sizeof (OslBurst), again->data, again->len * sizeof (OslBurst));
  return 0;
}
