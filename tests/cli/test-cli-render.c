/* test-cli-render.c: os-lens-cli as a user types it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "osl-test-cli.h"

static void
run_cli (OslCliRun  *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) arguments = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (arguments, (char *) arg);
  va_end (args);
  g_ptr_array_add (arguments, NULL);
  osl_cli_run (run, (const char *const *) arguments->pdata);
}

static void
test_help_and_version (void)
{
  g_auto(OslCliRun) help = { 0 };
  g_auto(OslCliRun) version = { 0 };
  g_auto(OslCliRun) nothing = { 0 };

  run_cli (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "render"));
  g_assert_nonnull (strstr (help.out, "bench"));

  run_cli (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "os-lens-cli " PACKAGE_VERSION "\n");

  run_cli (&nothing, NULL);
  g_assert_cmpint (nothing.status, ==, 2);
}

static void
test_render_every_view_in_every_format (void)
{
  static const char *views[] = { "scheduling", "memory", "containers", "flashcards" };
  static const char *extensions[] = { "png", "svg", "pdf" };
  g_autofree char *dir = g_dir_make_tmp ("osl-cli-XXXXXX", NULL);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s", views[v], extensions[e]);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_auto(OslCliRun) run = { 0 };
        GStatBuf st;

        run_cli (&run, "render", "--view", views[v], "--size", "1280x720", "--out", path, NULL);
        g_assert_cmpstr (run.err, ==, "");
        g_assert_cmpint (run.status, ==, 0);
        g_assert_cmpint (g_stat (path, &st), ==, 0);
        g_assert_cmpint (st.st_size, >, 1000);
        g_unlink (path);
      }
  g_rmdir (dir);
}

static void
test_render_png_has_requested_size (void)
{
  g_autofree char *dir = g_dir_make_tmp ("osl-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.png", NULL);
  g_autofree char *data = NULL;
  g_auto(OslCliRun) run = { 0 };
  gsize length;

  run_cli (&run, "render", "--view", "memory", "--size", "3840x2160", "--theme", "dark", "--out", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  /* PNG IHDR: width and height, big-endian, at bytes 16 and 20. */
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 16)), ==, 3840);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 20)), ==, 2160);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_render_explains_bad_input (void)
{
  static const struct { const char *args[8]; const char *words; } cases[] = {
    { { "render", "--view", "disk", "--out", "x.png" }, "“disk” is not a view" },
    { { "render", "--view", "memory", "--size", "big", "--out", "x.png" }, "“big” is not a size" },
    { { "render", "--view", "memory", "--theme", "pink", "--out", "x.png" }, "“pink” is not a theme" },
    { { "render", "--view", "memory" }, "needs --view and --out" },
    { { "render", "--view", "memory", "--out", "x.bmp" }, "does not end in .png, .svg or .pdf" },
    { { "frobnicate" }, "“frobnicate” is not a command" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(OslCliRun) run = { 0 };
      const char *const *a = cases[i].args;

      run_cli (&run, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], NULL);
      g_assert_cmpint (run.status, !=, 0);
      g_assert_nonnull (strstr (run.err, cases[i].words));
      g_assert_true (g_str_has_prefix (run.err, "os-lens-cli: "));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/help-and-version", test_help_and_version);
  g_test_add_func ("/cli/render/every-view", test_render_every_view_in_every_format);
  g_test_add_func ("/cli/render/size", test_render_png_has_requested_size);
  g_test_add_func ("/cli/render/bad-input", test_render_explains_bad_input);
  return g_test_run ();
}
