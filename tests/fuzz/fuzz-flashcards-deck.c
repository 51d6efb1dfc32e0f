/* fuzz-flashcards-deck.c: the deck file parser and the card markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "osl-deck.h"
#include "osl-deck-markup.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(OslDeck) deck = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  deck = osl_deck_parse ((const char *) data, size, &error);
  if (deck == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  for (guint i = 0; i < osl_deck_get_n_cards (deck); i++)
    {
      OslCard *card = osl_deck_get_card (deck, i);
      g_autoptr(GArray) blocks = osl_markup_parse_blocks (card->back);
      g_autofree char *plain = osl_markup_to_plain (card->front);

      g_assert_true (osl_deck_lookup (deck, card->id) == card);
    }
  /* What was read must be written and read back the same. */
  json = osl_deck_to_json (deck, NULL);
  g_clear_pointer (&deck, osl_deck_free);
  deck = osl_deck_parse (json, -1, &error);
  g_assert_no_error (error);
  return 0;
}
