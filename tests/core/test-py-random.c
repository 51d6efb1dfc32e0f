/* test-py-random.c: CPython's random.random() stream, bit for bit
 *
 * The vectors come from CPython (random.seed(n); random.random()), so a
 * seed a student types gives the OSTEP simulators' workload.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-py-random.h"

typedef struct
{
  gint64  seed;
  guint32 first_words[2];  /* 0, 0 when not checked */
  double  first, second;   /* second is 0 when not checked */
} Vector;

static const Vector vectors[] = {
  { 0, { 0xd82c07cdU, 0x629f6fbeU }, 0.8444218515250481, 0.7579544029403025 },
  { 1, { 0x2265b1f5U, 0x91b7584aU }, 0.13436424411240122, 0.8474337369372327 },
  { 42, { 0xa3b1799dU, 0x1c80317fU }, 0.6394267984578837, 0.025010755222666936 },
  { 3, { 0x3ceb3ffdU, 0x97b75092U }, 0.23796462709189137, 0.5442292252959519 },
  { -3, { 0x3ceb3ffdU, 0x97b75092U }, 0.23796462709189137, 0.5442292252959519 },
  { G_GINT64_CONSTANT (4294967296), { 0, 0 }, 0.11299430095636409, 0 },
  { G_GINT64_CONSTANT (4294967301), { 0x284300d3U, 0x7c4976abU }, 0.15727238718789782, 0.2824866316461999 },
};

static void
test_first_words (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      OslPyRandom random;

      if (vectors[i].first_words[0] == 0)
        continue;
      osl_py_random_seed (&random, vectors[i].seed);
      g_assert_cmphex (osl_py_random_next_uint32 (&random), ==, vectors[i].first_words[0]);
      g_assert_cmphex (osl_py_random_next_uint32 (&random), ==, vectors[i].first_words[1]);
    }
}

static void
test_first_doubles (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      OslPyRandom random;

      osl_py_random_seed (&random, vectors[i].seed);
      g_assert_cmpfloat (osl_py_random_random (&random), ==, vectors[i].first);
      if (vectors[i].second != 0)
        g_assert_cmpfloat (osl_py_random_random (&random), ==, vectors[i].second);
    }
}

/* The 1000th value crosses the first regeneration of the 624-word state. */
static void
test_thousandth_value (void)
{
  OslPyRandom random;
  double value = 0;

  osl_py_random_seed (&random, 0);
  for (guint i = 0; i < 1000; i++)
    value = osl_py_random_random (&random);
  g_assert_cmpfloat (value, ==, 0.4804125346981437);
}

/* A copy of the state is a bookmark: both continue identically. */
static void
test_state_is_a_value (void)
{
  OslPyRandom random, copy;

  osl_py_random_seed (&random, 42);
  for (guint i = 0; i < 700; i++)
    osl_py_random_random (&random);
  copy = random;
  for (guint i = 0; i < 10; i++)
    g_assert_cmpfloat (osl_py_random_random (&random), ==, osl_py_random_random (&copy));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/py-random/first-words", test_first_words);
  g_test_add_func ("/py-random/first-doubles", test_first_doubles);
  g_test_add_func ("/py-random/thousandth-value", test_thousandth_value);
  g_test_add_func ("/py-random/state-is-a-value", test_state_is_a_value);
  return g_test_run ();
}
