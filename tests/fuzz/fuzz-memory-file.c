/* fuzz-memory-file.c: memory files, and walks through whatever they hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "osl-ept.h"
#include "osl-memory-file.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const guint64 addresses[] = {
    0, 0x60001000, 0xC0801ABC, G_GUINT64_CONSTANT (0x00007F1234567ABC),
    G_GUINT64_CONSTANT (0xFFFF800000000000), G_GUINT64_CONSTANT (0x0000800000000000),
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(OslMemoryFile) file = osl_memory_file_parse ((const char *) data, size, &error);
  g_autofree char *saved = NULL;

  if (file == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (addresses); i++)
    for (OslAccessKind kind = OSL_ACCESS_READ; kind <= OSL_ACCESS_EXEC; kind++)
      {
        OslAccess access = { kind, i % 2 == 0 };

        if (file->nested)
          {
            g_autofree OslNestedWalk *nested = g_new0 (OslNestedWalk, 1);

            osl_ept_walk (file->mem, &file->config, file->eptp, addresses[i], access, nested);
            g_assert_cmpuint (nested->n_refs, <=, 35);
          }
        else
          {
            OslWalk walk;

            osl_paging_walk (file->mem, &file->config, addresses[i], access, &walk);
            g_assert_cmpuint (walk.n_steps, <=, 5);
          }
      }
  saved = osl_memory_file_to_data (file, NULL);
  g_assert_nonnull (saved);
  return 0;
}
