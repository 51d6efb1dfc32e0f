/* test-deck.c: the lecture deck, its repairs, and deck import/export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-deck.h"
#include "osl-deck-anki.h"
#include "osl-deck-markup.h"
#include "osl-deck-reader.h"

static OslDeck *
load_lecture_deck (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "decks",
                                                 "virtualization-containerization.json", NULL);
  g_autoptr(GError) error = NULL;
  OslDeck *deck = osl_deck_load (path, &error);

  g_assert_no_error (error);
  return deck;
}

static void
test_lecture_deck_complete (void)
{
  g_autoptr(OslDeck) deck = load_lecture_deck ();

  g_assert_cmpuint (osl_deck_get_n_cards (deck), ==, 57);
  for (guint i = 0; i < 57; i++)
    {
      OslCard *card = osl_deck_get_card (deck, i);
      g_autofree char *id = g_strdup_printf ("vc-%02u", i + 1);

      g_assert_cmpstr (card->id, ==, id);
      g_assert_cmpuint (card->number, ==, i + 1);
      g_assert_nonnull (card->tags[0]);
      g_assert_nonnull (card->link_view);
      g_assert_cmpstr (card->link_state, !=, "");
      /* The scraped deck glued the rating prompt onto card 12. */
      g_assert_null (strstr (card->back, "How well did you know"));
    }
  g_assert_cmpstr (osl_deck_lookup (deck, "vc-20")->link_view, ==, "memory");
  g_assert_cmpstr (osl_deck_lookup (deck, "vc-05")->link_view, ==, "scheduling");
  g_assert_cmpstr (osl_deck_lookup (deck, "vc-44")->link_view, ==, "containers");
}

static void
test_lecture_deck_repairs (void)
{
  g_autoptr(OslDeck) deck = load_lecture_deck ();

  for (guint i = 0; i < osl_deck_get_n_cards (deck); i++)
    {
      OslCard *card = osl_deck_get_card (deck, i);

      /* An en dash glued to a word was a "--" flag before scraping. */
      g_assert_null (g_regex_match_simple ("–[a-z]", card->back, 0, 0) ? card->back : NULL);
      g_assert_null (strstr (card->back, "</"));
      g_assert_null (strstr (card->back, "—-"));
    }
  g_assert_cmpstr (osl_deck_lookup (deck, "vc-49")->back, ==,
                   "$ docker run -p 80:80 -dit --name my-app my-apache2\n\n"
                   "Open a browser and access address: `http://localhost` or `http://127.0.0.1`.");
  g_assert_cmpstr (osl_deck_lookup (deck, "vc-50")->back, ==,
                   "$ aws ec2 create-security-group --group-name <student>-sg "
                   "--description \"security group for development environment\"");
  g_assert_cmpstr (osl_deck_lookup (deck, "vc-54")->back, ==,
                   "$ aws ec2 create-tags --resources <Instance> --tags Key=Name,Value=<student>");
  g_assert_cmpstr (osl_deck_lookup (deck, "vc-56")->back, ==, "$ ssh -i <student>-key.pem ubuntu@<IP>");
  g_assert_nonnull (strstr (osl_deck_lookup (deck, "vc-53")->back, "--image-id <ami> "));
  g_assert_nonnull (strstr (osl_deck_lookup (deck, "vc-48")->back, "usermod -a -G docker <username>"));
  g_assert_nonnull (strstr (osl_deck_lookup (deck, "vc-57")->back, "`docker --version`"));
  /* A broken line in card 34 is joined again. */
  g_assert_true (g_str_has_prefix (osl_deck_lookup (deck, "vc-34")->back,
                                   "Host Physical Memory (Host PA) > extended page table > Guest Physical Memory"));
  /* Loose cards keep their words and gain a note. */
  g_assert_nonnull (strstr (osl_deck_lookup (deck, "vc-16")->back, "Page tables reside in MMU"));
  g_assert_nonnull (strstr (osl_deck_lookup (deck, "vc-16")->note, "main memory"));
  g_assert_null (osl_deck_lookup (deck, "vc-05")->note);
}

static void
test_markup_blocks (void)
{
  g_autoptr(OslDeck) deck = load_lecture_deck ();
  g_autoptr(GArray) blocks = osl_markup_parse_blocks (osl_deck_lookup (deck, "vc-28")->back);
  g_autoptr(GArray) numbered = osl_markup_parse_blocks (osl_deck_lookup (deck, "vc-12")->back);
  g_autoptr(GArray) commands = osl_markup_parse_blocks (osl_deck_lookup (deck, "vc-47")->back);
  OslMarkupBlock *block;
  g_autofree char *plain = osl_markup_to_plain ("run `docker ps` or `x");

  g_assert_cmpuint (blocks->len, ==, 9);
  g_assert_cmpint (g_array_index (blocks, OslMarkupBlock, 0).kind, ==, OSL_MARKUP_PARAGRAPH);
  g_assert_cmpint (g_array_index (blocks, OslMarkupBlock, 1).kind, ==, OSL_MARKUP_GAP);
  block = &g_array_index (blocks, OslMarkupBlock, 3);
  g_assert_cmpint (block->kind, ==, OSL_MARKUP_BULLET);
  g_assert_cmpuint (block->level, ==, 1);
  g_assert_cmpstr (block->text, ==, "Cross-OS: code can be executed in a runtime environment across OSes without modification.");

  g_assert_cmpuint (numbered->len, ==, 3);
  block = &g_array_index (numbered, OslMarkupBlock, 2);
  g_assert_cmpint (block->kind, ==, OSL_MARKUP_NUMBERED);
  g_assert_cmpuint (block->number, ==, 3);
  g_assert_true (g_str_has_prefix (block->text, "CPU executes"));

  g_assert_cmpuint (commands->len, ==, 2);
  g_assert_cmpint (g_array_index (commands, OslMarkupBlock, 1).kind, ==, OSL_MARKUP_COMMAND);
  g_assert_cmpstr (g_array_index (commands, OslMarkupBlock, 1).text, ==, "$ docker rm my-app");

  g_assert_cmpstr (plain, ==, "run docker ps or `x");
}

static void
assert_parse_error (const char *json,
                    const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OslDeck) deck = osl_deck_parse (json, -1, &error);

  g_assert_null (deck);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_json_errors_name_line_and_column (void)
{
  assert_parse_error ("{\"format\": \"os-lens/deck\", \"version\": 1,\n"
                      "  \"cards\": [\n"
                      "    {\"id\": \"a\" \"front\": \"Q\"}]}",
                      "Line 3, column 14: the deck is not valid JSON (unexpected string constant \"a\", expected character `,')." );
  assert_parse_error ("{\"format\": \"os-lens/deck\", \"version\": 1,\n"
                      "  \"cards\": [\n"
                      "    {\"id\": \"a\", \"front\": \"Q\", \"back\": \"A\"},\n"
                      "    {\"id\": \"b\", \"front\": \"Q2\"}]}",
                      "Line 4, column 5: card “b” needs a non-empty \"back\".");
  assert_parse_error ("{\"format\": \"os-lens/deck\", \"version\": 1,\n"
                      "  \"cards\": [\n"
                      "    {\"id\": \"a\", \"front\": \"Q\", \"back\": \"A\"},\n"
                      "    {\"id\": \"a\", \"front\": \"Q2\", \"back\": \"A2\"}]}",
                      "Line 4, column 5: card number 2 repeats the id “a”; every card needs its own id.");
  assert_parse_error ("{\"format\": \"os-lens/deck\", \"version\": 1, \"cards\": [\n"
                      "  {\"id\": \"a\", \"front\": \"Q\", \"back\": \"A\",\n"
                      "   \"link\": {\"view\": \"kitchen\", \"state\": \"\"}}]}",
                      "Line 3, column 12: card “a” links to the view “kitchen”; the views are scheduling, memory, containers and flashcards.");
  assert_parse_error ("{\"format\": \"os-lens/deck\", \"version\": 1, \"cards\": [\n"
                      "  {\"id\": \"a b\", \"front\": \"Q\", \"back\": \"A\"}]}",
                      "Line 2, column 3: card number 1 has the id “a b”; an id is 1 to 64 letters, digits, “-”, “_” or “.”.");
  assert_parse_error ("{\"format\": \"os-lens/scenario\", \"version\": 1, \"cards\": []}",
                      "The file is in format \"os-lens/scenario\", but \"os-lens/deck\" was expected.");
}

static void
assert_cards_equal (OslCard *a,
                    OslCard *b)
{
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_cmpstr (a->front, ==, b->front);
  g_assert_cmpstr (a->back, ==, b->back);
  g_assert_cmpstr (a->note, ==, b->note);
  g_assert_cmpuint (g_strv_length (a->tags), ==, g_strv_length (b->tags));
  for (guint i = 0; a->tags[i] != NULL; i++)
    g_assert_cmpstr (a->tags[i], ==, b->tags[i]);
}

static void
test_json_round_trip (void)
{
  g_autoptr(OslDeck) deck = load_lecture_deck ();
  g_autoptr(OslDeck) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gsize length = 0;

  osl_deck_lookup (deck, "vc-03")->suspended = TRUE;
  json = osl_deck_to_json (deck, &length);
  again = osl_deck_parse (json, length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (osl_deck_get_title (again), ==, osl_deck_get_title (deck));
  g_assert_cmpuint (osl_deck_get_n_cards (again), ==, 57);
  for (guint i = 0; i < 57; i++)
    {
      OslCard *a = osl_deck_get_card (deck, i), *b = osl_deck_get_card (again, i);

      assert_cards_equal (a, b);
      g_assert_cmpuint (a->number, ==, b->number);
      g_assert_cmpstr (a->link_view, ==, b->link_view);
      g_assert_cmpstr (a->link_state, ==, b->link_state);
      g_assert_cmpint (a->suspended, ==, b->suspended);
    }
}

static void
test_anki_round_trip (void)
{
  g_autoptr(OslDeck) deck = load_lecture_deck ();
  g_autoptr(OslDeck) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = osl_deck_anki_export (deck);

  g_assert_true (g_str_has_prefix (text, "#separator:tab\n#html:false\n"));
  again = osl_deck_anki_parse (text, -1, "again", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (osl_deck_get_n_cards (again), ==, 57);
  for (guint i = 0; i < 57; i++)
    assert_cards_equal (osl_deck_get_card (deck, i), osl_deck_get_card (again, i));
}

static void
test_anki_headers (void)
{
  const char *csv =
    "\xef\xbb\xbf#separator:Semicolon\r\n"
    "#html:true\r\n"
    "#tags:imported lec3\r\n"
    "#columns:Back;Front;Tags\r\n"
    "Ring 0;Kernel mode: ring?;rings\r\n"
    "\"Job queue<br>Ready queue; then &lt;CPU&gt;\";\"Which \"\"queues\"\"?\";\r\n"
    "\r\n"
    "<div>line one</div><div>line two</div>;Two lines;\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(OslDeck) deck = osl_deck_anki_parse (csv, -1, "csv", &error);
  OslCard *card;

  g_assert_no_error (error);
  g_assert_cmpuint (osl_deck_get_n_cards (deck), ==, 3);
  card = osl_deck_get_card (deck, 0);
  g_assert_cmpstr (card->front, ==, "Kernel mode: ring?");
  g_assert_cmpstr (card->back, ==, "Ring 0");
  g_assert_cmpuint (g_strv_length (card->tags), ==, 3);
  g_assert_true (osl_card_has_tag (card, "rings"));
  g_assert_true (osl_card_has_tag (card, "lec3"));
  card = osl_deck_get_card (deck, 1);
  g_assert_cmpstr (card->front, ==, "Which \"queues\"?");
  g_assert_cmpstr (card->back, ==, "Job queue\nReady queue; then <CPU>");
  card = osl_deck_get_card (deck, 2);
  g_assert_cmpstr (card->back, ==, "line one\nline two");
}

static void
test_anki_plain_keeps_placeholders (void)
{
  const char *tsv = "#html:false\nssh?\tssh -i <student>-key.pem ubuntu@<IP>\n"
                    "multi\t\"a\nb\"\nssh?\tupdated\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(OslDeck) deck = osl_deck_anki_parse (tsv, -1, "tsv", &error);

  g_assert_no_error (error);
  /* The third row has the first row's question: Anki updates, not doubles. */
  g_assert_cmpuint (osl_deck_get_n_cards (deck), ==, 2);
  g_assert_cmpstr (osl_deck_get_card (deck, 0)->back, ==, "updated");
  g_assert_cmpstr (osl_deck_get_card (deck, 1)->back, ==, "a\nb");
  g_clear_pointer (&deck, osl_deck_free);
  deck = osl_deck_anki_parse ("#html:false\nssh?\tssh -i <student>-key.pem ubuntu@<IP>\n", -1, "tsv", &error);
  g_assert_cmpstr (osl_deck_get_card (deck, 0)->back, ==, "ssh -i <student>-key.pem ubuntu@<IP>");
}

static void
assert_anki_error (const char *text,
                   const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OslDeck) deck = osl_deck_anki_parse (text, -1, "bad", &error);

  g_assert_null (deck);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_anki_errors_name_line_and_column (void)
{
  assert_anki_error ("a\tb\nc\t\"never closed\n",
                     "Line 2, column 3: the quoted field that starts here is never closed by a \".");
  assert_anki_error ("#separator:tab\na\tb\nonly a question\n",
                     "Line 3: the row has no back; each row needs a front and a back separated by “a tab”.");
  assert_anki_error ("#separator:,\n\"a\"x,b\n",
                     "Line 2, column 4: text follows a closing quote; write \"\" for a quote inside a quoted field.");
  assert_anki_error ("#separator:tab\n#html:maybe\na\tb\n",
                     "Line 2, column 7: “maybe” is not a valid value for #html.");
  assert_anki_error ("#separator:tab\n\n", "The file has no cards: each line needs a front and a back.");
  assert_anki_error ("a\t\xff\n", "The file is not UTF-8 text; save it as UTF-8 and import it again.");
}

/* The fast reader takes the files the app writes, and gives anything
 * unusual to the full parser, which still reads it. */
static void
test_fast_reader (void)
{
  g_autoptr(OslDeck) deck = load_lecture_deck ();
  g_autofree char *json = osl_deck_to_json (deck, NULL);
  g_autoptr(OslDeck) fast = osl_deck_reader_read (json, strlen (json));
  const char *unusual = "{\"format\": \"os-lens/deck\", \"version\": 1, \"comment\": 1.5,\n"
                        " \"cards\": [{\"id\": \"a\", \"front\": \"Q \\u00e9\\ud83d\\ude00\", \"back\": \"A\"}]}";
  const char *plain = "{\"format\":\"os-lens/deck\",\"version\":1,\"cards\":[{\"id\":\"a\","
                      "\"front\":\"Q \\u00e9\\ud83d\\ude00\",\"back\":\"A\"}]}";
  g_autoptr(OslDeck) full = NULL;
  g_autoptr(OslDeck) escaped = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (fast);
  g_assert_cmpstr (osl_deck_get_title (fast), ==, osl_deck_get_title (deck));
  g_assert_cmpuint (osl_deck_get_n_cards (fast), ==, 57);
  for (guint i = 0; i < 57; i++)
    {
      OslCard *a = osl_deck_get_card (deck, i), *b = osl_deck_get_card (fast, i);

      assert_cards_equal (a, b);
      g_assert_cmpstr (a->link_state, ==, b->link_state);
      g_assert_cmpuint (a->number, ==, b->number);
    }
  g_assert_null (osl_deck_reader_read (unusual, strlen (unusual)));
  full = osl_deck_parse (unusual, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (osl_deck_get_card (full, 0)->front, ==, "Q é😀");
  escaped = osl_deck_reader_read (plain, strlen (plain));
  g_assert_nonnull (escaped);
  g_assert_cmpstr (osl_deck_get_card (escaped, 0)->front, ==, "Q é😀");
}

static void
test_merge_keeps_ids (void)
{
  g_autoptr(OslDeck) deck = load_lecture_deck ();
  g_autoptr(OslDeck) other = osl_deck_new ("other", "Other");
  OslCard *changed = osl_card_copy (osl_deck_lookup (deck, "vc-02"));

  g_free (changed->back);
  changed->back = g_strdup ("A program in execution.");
  osl_deck_add_card (other, changed);
  osl_deck_add_card (other, osl_card_new ("new-1", "Q", "A"));
  g_assert_cmpuint (osl_deck_merge (deck, other), ==, 1);
  g_assert_cmpuint (osl_deck_get_n_cards (deck), ==, 58);
  g_assert_cmpstr (osl_deck_lookup (deck, "vc-02")->back, ==, "A program in execution.");
  g_assert_cmpint (osl_deck_index_of (deck, "vc-02"), ==, 1);
  g_assert_cmpint (osl_deck_index_of (deck, "new-1"), ==, 57);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deck/lecture/complete", test_lecture_deck_complete);
  g_test_add_func ("/deck/lecture/repairs", test_lecture_deck_repairs);
  g_test_add_func ("/deck/markup/blocks", test_markup_blocks);
  g_test_add_func ("/deck/json/errors", test_json_errors_name_line_and_column);
  g_test_add_func ("/deck/json/round-trip", test_json_round_trip);
  g_test_add_func ("/deck/merge", test_merge_keeps_ids);
  g_test_add_func ("/deck/fast-reader", test_fast_reader);
  g_test_add_func ("/deck/anki/round-trip", test_anki_round_trip);
  g_test_add_func ("/deck/anki/headers", test_anki_headers);
  g_test_add_func ("/deck/anki/plain", test_anki_plain_keeps_placeholders);
  g_test_add_func ("/deck/anki/errors", test_anki_errors_name_line_and_column);
  return g_test_run ();
}
