/* fuzz-flashcards-csv-import.c: Anki's text import (CSV, TSV, headers)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "osl-deck-anki.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(OslDeck) deck = NULL;
  g_autoptr(OslDeck) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  deck = osl_deck_anki_parse ((const char *) data, size, "fuzz", &error);
  if (deck == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  /* An export must import again to the same number of cards. */
  text = osl_deck_anki_export (deck);
  again = osl_deck_anki_parse (text, -1, "fuzz", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (osl_deck_get_n_cards (again), ==, osl_deck_get_n_cards (deck));
  return 0;
}
