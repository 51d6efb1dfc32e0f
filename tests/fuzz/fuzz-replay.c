/* fuzz-replay.c: runs a libFuzzer target over its corpus without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static int
replay_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  LLVMFuzzerTestOneInput ((const uint8_t *) data, length);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  guint n_inputs = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      const char *name;

      if (dir == NULL)
        {
          if (replay_file (argv[i]) != 0)
            return 1;
          n_inputs++;
          continue;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          if (replay_file (path) != 0)
            return 1;
          n_inputs++;
        }
    }
  g_print ("replayed %u inputs without a crash\n", n_inputs);
  return n_inputs > 0 ? 0 : 1;
}
