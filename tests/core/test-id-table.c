/* test-id-table.c: the card ids a review log interns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-id-table.h"

/* Ids come straight out of a log line, without a terminating NUL, and
 * one may be the beginning of another. */
static void
test_prefixes_and_lengths (void)
{
  g_autoptr(OslIdTable) table = osl_id_table_new ();
  const char *line = "card-10\",\"time\"";

  g_assert_cmpuint (osl_id_table_intern (table, line, 7), ==, 0);
  g_assert_cmpuint (osl_id_table_intern (table, line, 6), ==, 1);
  g_assert_cmpuint (osl_id_table_intern (table, "card-10", 7), ==, 0);
  g_assert_cmpstr (osl_id_table_get (table, 0), ==, "card-10");
  g_assert_cmpstr (osl_id_table_get (table, 1), ==, "card-1");
  g_assert_cmpuint (osl_id_table_lookup (table, "card-1", 6), ==, 1);
  g_assert_cmpuint (osl_id_table_lookup (table, "card-100", 8), ==, OSL_ID_TABLE_NONE);
  g_assert_cmpuint (osl_id_table_lookup (table, "card-", 5), ==, OSL_ID_TABLE_NONE);
  g_assert_cmpuint (osl_id_table_get_size (table), ==, 2);
}

/* Ids longer than a slot holds are compared with their stored copy. */
static void
test_long_ids (void)
{
  g_autoptr(OslIdTable) table = osl_id_table_new ();
  const char *id = "virtualization-containerization-card-42";

  g_assert_cmpuint (osl_id_table_intern (table, id, strlen (id)), ==, 0);
  g_assert_cmpuint (osl_id_table_intern (table, id, 23), ==, 1);
  g_assert_cmpuint (osl_id_table_intern (table, id, 22), ==, 2);
  g_assert_cmpuint (osl_id_table_lookup (table, id, strlen (id)), ==, 0);
  g_assert_cmpuint (osl_id_table_lookup (table, "virtualization-containerization-card-43", strlen (id)), ==,
                    OSL_ID_TABLE_NONE);
  g_assert_cmpstr (osl_id_table_get (table, 1), ==, "virtualization-containe");
  g_assert_cmpstr (osl_id_table_get (table, 2), ==, "virtualization-contain");
}

/* Indices are dense and stable while the table grows many times over. */
static void
test_growth (void)
{
  g_autoptr(OslIdTable) table = osl_id_table_new ();

  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *id = g_strdup_printf ("vc-%u", i * 7919);

      g_assert_cmpuint (osl_id_table_intern (table, id, strlen (id)), ==, i);
    }
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *id = g_strdup_printf ("vc-%u", i * 7919);

      g_assert_cmpuint (osl_id_table_lookup (table, id, strlen (id)), ==, i);
      g_assert_cmpstr (osl_id_table_get (table, i), ==, id);
    }
  g_assert_cmpuint (osl_id_table_get_size (table), ==, 20000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/id-table/prefixes-and-lengths", test_prefixes_and_lengths);
  g_test_add_func ("/id-table/long-ids", test_long_ids);
  g_test_add_func ("/id-table/growth", test_growth);
  return g_test_run ();
}
