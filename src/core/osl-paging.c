/* osl-paging.c: x86 page-table walks as the Intel SDM describes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <inttypes.h>

#include "osl-paging-private.h"
#include "osl-phys-mem-private.h"

#define KIB(n) ((guint64) (n) << 10)
#define MIB(n) ((guint64) (n) << 20)
#define GIB(n) ((guint64) (n) << 30)
#define BIT(n) ((guint64) 1 << (n))
#define BITS(hi, lo) ((~(guint64) 0 >> (63 - (hi))) & ~(BIT (lo) - 1))

/* Bits 51:12 of a PAE or long-mode entry (QEMU PG_ADDRESS_MASK). */
#define ADDRESS_MASK BITS (51, 12)
#define NX_BIT BIT (63)
#define PS_BIT BIT (7)

typedef struct
{
  const char *name;
  guint       shift;
  guint       bits;
  guint64     large_page;      /* the page an entry with PS=1 maps, or 0 */
  guint64     reserved;        /* bits the level always reserves (PAE, long mode) */
  gboolean    from_register;   /* PAE PDPTEs */
} Level;

/* A PAE PDPTE reserves bits 2:1, 8:5 and 63; a PML4E or PML5E bit 7 (PS). */
#define PDPTE_REGISTER_RESERVED (BITS (2, 1) | BITS (8, 5) | NX_BIT)

static const Level levels_32[] = {
  { "PD", 22, 10, MIB (4), 0, FALSE },
  { "PT", 12, 10, 0, 0, FALSE },
};

static const Level levels_pae[] = {
  { "PDPT", 30, 2, 0, PDPTE_REGISTER_RESERVED, TRUE },
  { "PD", 21, 9, MIB (2), 0, FALSE },
  { "PT", 12, 9, 0, 0, FALSE },
};

static const Level levels_la57[] = {
  { "PML5", 48, 9, 0, PS_BIT, FALSE },
  { "PML4", 39, 9, 0, PS_BIT, FALSE },
  { "PDPT", 30, 9, GIB (1), 0, FALSE },
  { "PD", 21, 9, MIB (2), 0, FALSE },
  { "PT", 12, 9, 0, 0, FALSE },
};

static const struct
{
  const char *name;
  const char *description;
} mode_names[] = {
  { "x86-32", N_("32-bit paging, 10/10/12, 4 KiB pages") },
  { "x86-32-pse", N_("32-bit paging with 4 MiB pages (CR4.PSE)") },
  { "pae", N_("PAE paging, 2/9/9/12, 2 MiB pages and NX") },
  { "x86-64", N_("4-level paging, 9/9/9/9/12, 2 MiB and 1 GiB pages") },
  { "x86-64-la57", N_("5-level paging (LA57), 57-bit addresses") },
  { "textbook", N_("Textbook paging with a chosen page size and levels") },
};

G_DEFINE_QUARK (osl-paging-error-quark, osl_paging_error)

void
osl_paging_config_init (OslPagingConfig *config,
                        OslPagingMode    mode)
{
  memset (config, 0, sizeof *config);
  config->mode = mode;
  config->wp = TRUE;
  config->nxe = TRUE;
  config->maxphyaddr = 52;
  config->textbook.n_levels = 2;
  config->textbook.index_bits[0] = 10;
  config->textbook.index_bits[1] = 10;
  config->textbook.offset_bits = 12;
  config->textbook.entry_size = 4;
  config->textbook.valid_bit = 31;
  config->textbook.pfn_mask = 0xFFFFF;
}

const char *
osl_paging_mode_to_string (OslPagingMode mode)
{
  g_return_val_if_fail (mode < OSL_N_PAGING_MODES, NULL);
  return mode_names[mode].name;
}

gboolean
osl_paging_mode_from_string (const char    *name,
                             OslPagingMode *mode)
{
  for (guint i = 0; i < G_N_ELEMENTS (mode_names); i++)
    if (g_strcmp0 (name, mode_names[i].name) == 0)
      {
        *mode = i;
        return TRUE;
      }
  return FALSE;
}

const char *
osl_paging_mode_describe (OslPagingMode mode)
{
  g_return_val_if_fail (mode < OSL_N_PAGING_MODES, NULL);
  return _(mode_names[mode].description);
}

static gboolean
is_32bit_mode (OslPagingMode mode)
{
  return mode == OSL_PAGING_X86_32 || mode == OSL_PAGING_X86_32_PSE;
}

static gboolean
is_long_mode (OslPagingMode mode)
{
  return mode == OSL_PAGING_X86_64 || mode == OSL_PAGING_X86_64_LA57;
}

static const Level *
get_levels (OslPagingMode  mode,
            guint         *n_levels)
{
  switch (mode)
    {
    case OSL_PAGING_X86_32:
    case OSL_PAGING_X86_32_PSE:
      *n_levels = G_N_ELEMENTS (levels_32);
      return levels_32;
    case OSL_PAGING_PAE:
      *n_levels = G_N_ELEMENTS (levels_pae);
      return levels_pae;
    case OSL_PAGING_X86_64:
      *n_levels = G_N_ELEMENTS (levels_la57) - 1;
      return levels_la57 + 1;
    case OSL_PAGING_X86_64_LA57:
      *n_levels = G_N_ELEMENTS (levels_la57);
      return levels_la57;
    case OSL_PAGING_TEXTBOOK:
    case OSL_N_PAGING_MODES:
    default:
      g_assert_not_reached ();
    }
}

/* The width of the linear address the walk translates. */
guint
osl_paging_va_bits (const OslPagingConfig *config)
{
  const OslTextbookFormat *tb = &config->textbook;
  guint bits;

  switch (config->mode)
    {
    case OSL_PAGING_X86_64:
      return 48;
    case OSL_PAGING_X86_64_LA57:
      return 57;
    case OSL_PAGING_TEXTBOOK:
      bits = tb->offset_bits;
      for (guint i = 0; i < tb->n_levels; i++)
        bits += tb->index_bits[i];
      return bits;
    case OSL_PAGING_X86_32:
    case OSL_PAGING_X86_32_PSE:
    case OSL_PAGING_PAE:
    case OSL_N_PAGING_MODES:
    default:
      return 32;
    }
}

/* The width of the register that holds the address: 64 in long mode,
 * where the bits above the translated ones must be a sign extension. */
guint
osl_paging_address_width (const OslPagingConfig *config)
{
  return is_long_mode (config->mode) ? 64 : osl_paging_va_bits (config);
}

guint
osl_paging_entry_size (const OslPagingConfig *config)
{
  if (config->mode == OSL_PAGING_TEXTBOOK)
    return config->textbook.entry_size;
  return is_32bit_mode (config->mode) ? 4 : 8;
}

guint
osl_paging_n_levels (const OslPagingConfig *config)
{
  guint n;

  if (config->mode == OSL_PAGING_TEXTBOOK)
    return config->textbook.n_levels;
  get_levels (config->mode, &n);
  return n;
}

/* SDM §4.5: bits 63:47 (63:56 with LA57) must all equal bit 47 (56). */
static inline gboolean
is_canonical (const OslPagingConfig *config,
              guint64                va)
{
  gint64 high;

  if (!is_long_mode (config->mode))
    return TRUE;
  high = (gint64) va >> (config->mode == OSL_PAGING_X86_64_LA57 ? 56 : 47);
  return high == 0 || high == -1;
}

gboolean
osl_paging_is_canonical (const OslPagingConfig *config,
                         guint64                va)
{
  return is_canonical (config, va);
}

static void
add_field (OslAddressField *fields,
           guint           *n,
           const char      *name,
           guint            high,
           guint            low,
           guint64          va)
{
  OslAddressField *field = &fields[(*n)++];

  g_strlcpy (field->name, name, sizeof field->name);
  field->high = high;
  field->low = low;
  field->value = (va >> low) & (BITS (high - low, 0));
}

/* Splits @va into its fields, most significant first, for a leaf of
 * @page_size (0 means the smallest page). @fields needs room for
 * OSL_WALK_MAX_STEPS + 2 entries. Returns the number of fields. */
guint
osl_paging_split (const OslPagingConfig *config,
                  guint64                va,
                  guint64                page_size,
                  OslAddressField       *fields)
{
  guint n = 0, n_levels, offset_bits, width = osl_paging_address_width (config);
  guint va_bits = osl_paging_va_bits (config);

  if (width > va_bits)
    add_field (fields, &n, "sign extension", width - 1, va_bits, va);
  if (config->mode == OSL_PAGING_TEXTBOOK)
    {
      const OslTextbookFormat *tb = &config->textbook;
      guint low = va_bits;

      for (guint i = 0; i < tb->n_levels; i++)
        {
          static const char *names[] = { "L1", "L2", "L3", "L4" };

          low -= tb->index_bits[i];
          add_field (fields, &n, tb->n_levels == 1 ? "VPN" : tb->n_levels == 2 ? (i == 0 ? "PD" : "PT") : names[tb->n_levels - i - 1],
                     low + tb->index_bits[i] - 1, low, va);
        }
      add_field (fields, &n, "offset", tb->offset_bits - 1, 0, va);
      return n;
    }

  offset_bits = page_size > 0 ? g_bit_nth_msf (page_size, -1) : 12;
  for (const Level *level = get_levels (config->mode, &n_levels), *end = level + n_levels;
       level < end && level->shift >= offset_bits;
       level++)
    add_field (fields, &n, level->name, level->shift + level->bits - 1, level->shift, va);
  add_field (fields, &n, "offset", offset_bits - 1, 0, va);
  return n;
}

static guint64
phys_mask (const OslPagingConfig *config)
{
  return BITS (CLAMP (config->maxphyaddr, 32, 52) - 1, 0);
}

/* What a walk works out once from the configuration rather than at
 * every level: a walk is a few dozen instructions per level, so each
 * test of the mode inside the loop shows in the translation benchmark. */
typedef struct
{
  const Level *levels;
  guint        n_levels;
  guint        entry_size;
  guint64      address_mask;   /* where an entry holds a table or 4 KiB frame */
  guint64      reserved;       /* reserved in every entry: above M, XD without NXE */
  gboolean     large_pages;    /* PS is honoured (not in plain 32-bit paging) */
  gboolean     nx;             /* bit 63 is XD (PAE or long mode with NXE) */
} WalkFormat;

static inline void
walk_format_init (WalkFormat            *format,
                  const OslPagingConfig *config)
{
  gboolean is_32bit = is_32bit_mode (config->mode);

  format->levels = get_levels (config->mode, &format->n_levels);
  format->entry_size = is_32bit ? 4 : 8;
  format->address_mask = is_32bit ? 0xFFFFF000 : ADDRESS_MASK;
  format->reserved = 0;
  if (!is_32bit)
    format->reserved = (ADDRESS_MASK & ~phys_mask (config)) | (config->nxe ? 0 : NX_BIT);
  format->large_pages = config->mode != OSL_PAGING_X86_32;
  format->nx = !is_32bit && config->nxe;
}

/* The address bits that a large page's entry must leave 0, SDM
 * chapter 4: below the page's frame in PAE and long mode; in a 4 MiB
 * PDE bit 21 and the PSE-36 bits 20:13 above MAXPHYADDR. */
static guint64
large_page_reserved_bits (const OslPagingConfig *config,
                          const Level           *level)
{
  guint pse36_bits;

  if (!is_32bit_mode (config->mode))
    return (level->large_page - 1) & ADDRESS_MASK & ~BIT (12);
  pse36_bits = MIN (40, config->maxphyaddr) - 32;
  return BIT (21) | (BITS (20, 13) & ~BITS (12 + pse36_bits, 13));
}

/* The decoded flags keep the SDM's bit positions for P … A, D, PS and
 * G; PAT sits at bit 12 in a large page and at bit 7 in a 4 KiB one. */
static inline OslPteFlags
decode_flags (const WalkFormat *format,
              const Level      *level,
              guint64           entry,
              gboolean          leaf,
              gboolean          large)
{
  OslPteFlags flags = entry & (OSL_PTE_P | OSL_PTE_RW | OSL_PTE_US | OSL_PTE_PWT | OSL_PTE_PCD | OSL_PTE_A);

  if (G_UNLIKELY (level->from_register))
    return entry & (OSL_PTE_P | OSL_PTE_PWT | OSL_PTE_PCD);
  if (leaf)
    {
      flags |= entry & (OSL_PTE_D | OSL_PTE_G);
      if (entry & (large ? BIT (12) : PS_BIT))
        flags |= OSL_PTE_PAT;
    }
  if (large)
    flags |= OSL_PTE_PS;
  if (format->nx && (entry & NX_BIT))
    flags |= OSL_PTE_NX;
  return flags;
}

static guint
access_error_bits (const OslPagingConfig *config,
                   OslAccess              access)
{
  guint code = 0;

  if (access.kind == OSL_ACCESS_WRITE)
    code |= OSL_PF_WRITE;
  if (access.user)
    code |= OSL_PF_USER;
  /* I/D is reported only with NXE in PAE or long mode (SMEP is not modelled). */
  if (access.kind == OSL_ACCESS_EXEC && config->nxe && !is_32bit_mode (config->mode))
    code |= OSL_PF_INSTR;
  return code;
}

static void
set_fault (OslWalk       *walk,
           OslFault       fault,
           OslFaultCause  cause,
           guint          error_code)
{
  walk->fault = fault;
  walk->cause = cause;
  walk->error_code = error_code;
  walk->fault_step = (gint) walk->n_steps - 1;
}

static guint64
table_base_from_cr3 (const OslPagingConfig *config)
{
  if (is_32bit_mode (config->mode))
    return config->cr3 & 0xFFFFF000;
  if (config->mode == OSL_PAGING_PAE)
    return config->cr3 & 0xFFFFFFE0;
  return config->cr3 & ADDRESS_MASK & phys_mask (config);
}

static guint64
large_frame (const OslPagingConfig *config,
             guint64                entry,
             guint64                page_size)
{
  if (is_32bit_mode (config->mode))
    return (entry & 0xFFC00000) | ((entry & BITS (20, 13)) << 19);
  return entry & ADDRESS_MASK & ~(page_size - 1);
}

/* Every x86 entry is aligned to its width; only a textbook format can
 * put a 1- or 2-byte entry, or one across frames, in memory. Entry
 * sizes are powers of two, so a mask tests the alignment (a division
 * here would cost a quarter of the walk). */
static inline gboolean
entry_is_aligned (const OslWalkStep *step)
{
  return step->entry_size >= 4 && (step->entry_host_pa & (step->entry_size - 1)) == 0;
}

static G_ALWAYS_INLINE inline gboolean
read_entry (OslPhysMem          *mem,
            OslWalkStep         *step,
            gboolean             counted,
            OslGpaTranslateFunc  translate,
            gpointer             user_data,
            OslWalk             *walk)
{
  step->entry_host_pa = step->entry_pa;
  if (translate != NULL &&
      !translate (user_data, step->entry_pa, OSL_ACCESS_READ, TRUE, counted, &step->entry_host_pa, walk))
    return FALSE;
  if (G_LIKELY (entry_is_aligned (step)))
    step->entry = _osl_phys_mem_read_entry (mem, step->entry_host_pa, step->entry_size);
  else
    step->entry = osl_phys_mem_read (mem, step->entry_host_pa, step->entry_size);
  step->entry_after = step->entry;
  if (counted)
    walk->n_references++;
  return TRUE;
}

/* Sets the accessed or dirty flags in an x86 entry, writing it back
 * only when a flag was clear, as the processor does. */
static inline void
set_flags_in_entry (OslPhysMem  *mem,
                    OslWalkStep *step,
                    guint64      bits)
{
  if ((step->entry_after & bits) == bits)
    return;
  step->entry_after |= bits;
  _osl_phys_mem_write_entry (mem, step->entry_host_pa, step->entry_size, step->entry_after);
}

static void
walk_textbook (OslPhysMem            *mem,
               const OslPagingConfig *config,
               OslGpaTranslateFunc    translate,
               gpointer               user_data,
               OslWalk               *walk)
{
  const OslTextbookFormat *tb = &config->textbook;
  guint shift = osl_paging_va_bits (config);
  guint64 table = config->cr3, page = BIT (tb->offset_bits);

  for (guint i = 0; i < tb->n_levels; i++)
    {
      static const char *names[] = { "L1", "L2", "L3", "L4" };
      OslWalkStep *step = &walk->steps[walk->n_steps++];

      memset (step, 0, sizeof *step);
      shift -= tb->index_bits[i];
      step->level = tb->n_levels == 1 ? "PT" : tb->n_levels == 2 ? (i == 0 ? "PD" : "PT") : names[tb->n_levels - i - 1];
      step->table = table;
      step->shift = shift;
      step->index_bits = tb->index_bits[i];
      step->index = (walk->va >> shift) & BITS (tb->index_bits[i] - 1, 0);
      step->entry_size = tb->entry_size;
      step->entry_pa = table + (guint64) step->index * tb->entry_size;
      step->may_write = step->may_user = TRUE;
      if (!read_entry (mem, step, TRUE, translate, user_data, walk))
        {
          walk->n_steps--;
          return;
        }
      if (!(step->entry & BIT (tb->valid_bit)))
        {
          set_fault (walk, OSL_FAULT_PF, OSL_FAULT_CAUSE_NOT_PRESENT, access_error_bits (config, walk->access));
          return;
        }
      step->flags = OSL_PTE_P;
      table = (step->entry & tb->pfn_mask) << tb->offset_bits;
    }
  walk->steps[walk->n_steps - 1].leaf = TRUE;
  walk->steps[walk->n_steps - 1].page_size = page;
  walk->page_size = page;
  walk->pa = table | (walk->va & (page - 1));
}

static gboolean
check_access (const OslPagingConfig *config,
              const OslWalkStep     *leaf,
              OslAccess              access,
              OslFaultCause         *cause)
{
  if (access.user && !leaf->may_user)
    *cause = OSL_FAULT_CAUSE_USER_SUPERVISOR;
  else if (access.kind == OSL_ACCESS_WRITE && !leaf->may_write && (access.user || config->wp))
    *cause = OSL_FAULT_CAUSE_READ_ONLY;
  else if (access.kind == OSL_ACCESS_EXEC && leaf->no_execute)
    *cause = OSL_FAULT_CAUSE_NO_EXECUTE;
  else
    return TRUE;
  return FALSE;
}

/* Records where step @i of the walk reads its entry. */
static inline OslWalkStep *
begin_step (OslWalk          *walk,
            const WalkFormat *format,
            guint             i,
            guint64           table)
{
  const Level *level = &format->levels[i];
  OslWalkStep *step = &walk->steps[i];

  /* Field by field: a zeroing initialiser costs more than the walk. */
  walk->n_steps = i + 1;
  step->level = level->name;
  step->table = table;
  step->shift = level->shift;
  step->index_bits = level->bits;
  step->index = (walk->va >> level->shift) & (BIT (level->bits) - 1);
  step->entry_size = format->entry_size;
  step->entry_pa = table + (guint64) step->index * format->entry_size;
  step->from_register = level->from_register;
  step->flags = 0;
  step->leaf = FALSE;
  step->page_size = 0;
  step->may_write = step->may_user = step->no_execute = FALSE;
  return step;
}

static void
reset_walk (OslWalk   *walk,
            guint64    va,
            OslAccess  access)
{
  /* Only the header: each step is reset as it is used, since clearing
   * all six steps costs more than the rest of a walk. */
  walk->va = va;
  walk->access = access;
  walk->n_steps = 0;
  walk->fault = OSL_FAULT_NONE;
  walk->cause = OSL_FAULT_CAUSE_NONE;
  walk->error_code = 0;
  walk->fault_step = -1;
  walk->reserved_mask = 0;
  walk->pa = 0;
  walk->page_size = 0;
  walk->n_references = 0;
}

/* The x86 walk proper, from CR3 to the leaf. It is inlined into its
 * two callers below so that the compiler drops the second-stage hook
 * from the common, unnested walk. */
static G_ALWAYS_INLINE inline void
walk_x86 (OslPhysMem            *mem,
          const OslPagingConfig *config,
          OslGpaTranslateFunc    translate,
          gpointer               user_data,
          OslWalk               *walk)
{
  guint error_bits = access_error_bits (config, walk->access);
  gboolean may_write = TRUE, may_user = TRUE, no_execute = FALSE;
  OslAccess access = walk->access;
  guint64 va = walk->va, table;
  OslWalkStep *step = NULL;
  OslFaultCause cause;
  WalkFormat format;

  walk_format_init (&format, config);
  table = table_base_from_cr3 (config);
  for (guint i = 0; i < format.n_levels; i++)
    {
      const Level *level = &format.levels[i];
      gboolean large, leaf;
      guint64 entry, rsvd;

      step = begin_step (walk, &format, i, table);
      if (!read_entry (mem, step, !level->from_register, translate, user_data, walk))
        {
          walk->n_steps--;
          return;
        }
      entry = step->entry;

      /* Not present: nothing else in the entry is looked at. */
      if (!(entry & OSL_PTE_P))
        {
          set_fault (walk, OSL_FAULT_PF, OSL_FAULT_CAUSE_NOT_PRESENT, error_bits);
          return;
        }
      large = level->large_page != 0 && (entry & PS_BIT) && format.large_pages;
      leaf = large || i == format.n_levels - 1;
      rsvd = entry & (format.reserved | level->reserved);
      if (G_UNLIKELY (large))
        rsvd |= entry & large_page_reserved_bits (config, level);
      if (G_UNLIKELY (rsvd != 0))
        {
          walk->reserved_mask = rsvd;
          if (level->from_register)
            set_fault (walk, OSL_FAULT_GP, OSL_FAULT_CAUSE_BAD_PDPTE, 0);
          else
            set_fault (walk, OSL_FAULT_PF, OSL_FAULT_CAUSE_RESERVED_BIT,
                       error_bits | OSL_PF_PROT | OSL_PF_RSVD);
          return;
        }

      step->flags = decode_flags (&format, level, entry, leaf, large);
      if (!level->from_register)
        {
          may_write = may_write && (entry & OSL_PTE_RW);
          may_user = may_user && (entry & OSL_PTE_US);
          no_execute = no_execute || (step->flags & OSL_PTE_NX);
        }
      step->may_write = may_write;
      step->may_user = may_user;
      step->no_execute = no_execute;
      step->leaf = leaf;
      if (leaf)
        {
          step->page_size = large ? level->large_page : KIB (4);
          break;
        }
      if (!level->from_register)
        set_flags_in_entry (mem, step, OSL_PTE_A);
      table = entry & format.address_mask;
    }

  /* The leaf gets A, and D on a write, only once the access is allowed. */
  if (!check_access (config, step, access, &cause))
    {
      set_fault (walk, OSL_FAULT_PF, cause, error_bits | OSL_PF_PROT);
      return;
    }
  set_flags_in_entry (mem, step, OSL_PTE_A | (access.kind == OSL_ACCESS_WRITE ? OSL_PTE_D : 0));
  walk->page_size = step->page_size;
  if (step->page_size == KIB (4))
    walk->pa = (step->entry & format.address_mask) | (va & 0xFFF);
  else
    walk->pa = large_frame (config, step->entry, step->page_size) | (va & (step->page_size - 1));
}

void
_osl_paging_walk_translated (OslPhysMem            *mem,
                             const OslPagingConfig *config,
                             guint64                va,
                             OslAccess              access,
                             OslGpaTranslateFunc    translate,
                             gpointer               user_data,
                             OslWalk               *walk)
{
  if (config->mode != OSL_PAGING_TEXTBOOK && !is_long_mode (config->mode))
    va &= 0xFFFFFFFF;
  reset_walk (walk, va, access);
  if (config->mode == OSL_PAGING_TEXTBOOK)
    walk_textbook (mem, config, translate, user_data, walk);
  else if (!is_canonical (config, va))
    set_fault (walk, OSL_FAULT_GP, OSL_FAULT_CAUSE_NON_CANONICAL, 0);
  else if (translate == NULL)
    walk_x86 (mem, config, NULL, NULL, walk);
  else
    walk_x86 (mem, config, translate, user_data, walk);
}

void
osl_paging_walk (OslPhysMem            *mem,
                 const OslPagingConfig *config,
                 guint64                va,
                 OslAccess              access,
                 OslWalk               *walk)
{
  _osl_paging_walk_translated (mem, config, va, access, NULL, NULL, walk);
}

gboolean
osl_paging_validate_textbook (const OslTextbookFormat  *format,
                              GError                  **error)
{
  guint bits = format->offset_bits;

  if (format->n_levels < 1 || format->n_levels > OSL_TEXTBOOK_MAX_LEVELS)
    {
      g_set_error (error, OSL_PAGING_ERROR, OSL_PAGING_ERROR_INVALID,
                   _("A textbook format has 1 to %d levels, not %u."),
                   OSL_TEXTBOOK_MAX_LEVELS, format->n_levels);
      return FALSE;
    }
  for (guint i = 0; i < format->n_levels; i++)
    {
      if (format->index_bits[i] < 1 || format->index_bits[i] > 20)
        {
          g_set_error (error, OSL_PAGING_ERROR, OSL_PAGING_ERROR_INVALID,
                       _("Level %u has %u index bits; use 1 to 20."), i + 1, format->index_bits[i]);
          return FALSE;
        }
      bits += format->index_bits[i];
    }
  if (format->offset_bits < 1 || format->offset_bits > 30 || bits > 63)
    {
      g_set_error (error, OSL_PAGING_ERROR, OSL_PAGING_ERROR_INVALID,
                   _("A page of 2^%u bytes with these levels makes a %u-bit address; pages are 2^1 to 2^30 bytes and addresses at most 63 bits."),
                   format->offset_bits, bits);
      return FALSE;
    }
  if (format->entry_size != 1 && format->entry_size != 2 && format->entry_size != 4 && format->entry_size != 8)
    {
      g_set_error (error, OSL_PAGING_ERROR, OSL_PAGING_ERROR_INVALID,
                   _("An entry is 1, 2, 4 or 8 bytes wide, not %u."), format->entry_size);
      return FALSE;
    }
  if (format->valid_bit >= format->entry_size * 8 || (format->pfn_mask & BIT (format->valid_bit)))
    {
      g_set_error (error, OSL_PAGING_ERROR, OSL_PAGING_ERROR_INVALID,
                   _("The valid bit %u must lie inside the %u-byte entry and outside the frame number."),
                   format->valid_bit, format->entry_size);
      return FALSE;
    }
  return TRUE;
}

const char *
osl_fault_to_string (OslFault fault)
{
  switch (fault)
    {
    case OSL_FAULT_PF:
      return "#PF";
    case OSL_FAULT_GP:
      return "#GP";
    case OSL_FAULT_EPT_VIOLATION:
      return "EPT violation";
    case OSL_FAULT_EPT_MISCONFIG:
      return "EPT misconfiguration";
    case OSL_FAULT_NONE:
    default:
      return NULL;
    }
}

/* One sentence that says why the walk faulted, in a student's words. */
char *
osl_walk_describe_fault (const OslWalk *walk)
{
  const OslWalkStep *step = walk->fault_step >= 0 ? &walk->steps[walk->fault_step] : NULL;
  const char *level = step != NULL ? step->level : "";

  switch (walk->cause)
    {
    case OSL_FAULT_CAUSE_NOT_PRESENT:
      return g_strdup_printf (_("#PF (error code %u): the %s entry at 0x%" PRIX64 " is not present (P = 0), so the walk stops there."),
                              walk->error_code, level, step->entry_host_pa);
    case OSL_FAULT_CAUSE_RESERVED_BIT:
      return g_strdup_printf (_("#PF (error code %u): the %s entry 0x%" PRIX64 " sets reserved bits 0x%" PRIX64 ", which must be 0."),
                              walk->error_code, level, step->entry, walk->reserved_mask);
    case OSL_FAULT_CAUSE_USER_SUPERVISOR:
      return g_strdup_printf (_("#PF (error code %u): a user-mode access reached a supervisor page (U/S = 0 at some level)."),
                              walk->error_code);
    case OSL_FAULT_CAUSE_READ_ONLY:
      return g_strdup_printf (_("#PF (error code %u): a write to a read-only page (R/W = 0 at some level)."),
                              walk->error_code);
    case OSL_FAULT_CAUSE_NO_EXECUTE:
      return g_strdup_printf (_("#PF (error code %u): an instruction fetch from a no-execute page (XD = 1 at some level)."),
                              walk->error_code);
    case OSL_FAULT_CAUSE_NON_CANONICAL:
      return g_strdup (_("#GP: the address is not canonical, so the CPU raises a general-protection fault before any walk."));
    case OSL_FAULT_CAUSE_BAD_PDPTE:
      return g_strdup_printf (_("#GP: the PDPTE 0x%" PRIX64 " sets reserved bits 0x%" PRIX64 ", so loading CR3 fails."),
                              step->entry, walk->reserved_mask);
    case OSL_FAULT_CAUSE_EPT_NOT_PRESENT:
      return g_strdup (_("EPT violation (VM exit 48): an EPT entry has R = W = X = 0, so the hypervisor takes over."));
    case OSL_FAULT_CAUSE_EPT_DENIED:
      return g_strdup (_("EPT violation (VM exit 48): the EPT entries do not allow this access, so the hypervisor takes over."));
    case OSL_FAULT_CAUSE_EPT_MISCONFIG:
      return g_strdup (_("EPT misconfiguration (VM exit 49): an EPT entry is malformed (write without read, reserved bits or a bad memory type)."));
    case OSL_FAULT_CAUSE_NONE:
    default:
      return NULL;
    }
}

char *
osl_pte_flags_to_string (OslPteFlags flags)
{
  static const char *names[] = { "P", "R/W", "U/S", "PWT", "PCD", "A", "D", "PS", "G", "PAT", "NX" };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (flags & (1u << i))
      g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", names[i]);
  return g_string_free (text, FALSE);
}

/* Whether @entry, present at @level (0 = top), points to another table
 * rather than to a page; used to follow a memory's tables. */
gboolean
_osl_paging_next_table (const OslPagingConfig *config,
                        guint                  level,
                        guint64                entry,
                        guint64               *next)
{
  const Level *levels;
  guint n_levels;

  if (config->mode == OSL_PAGING_TEXTBOOK)
    {
      const OslTextbookFormat *tb = &config->textbook;

      if (level + 1 >= tb->n_levels || !(entry & BIT (tb->valid_bit)))
        return FALSE;
      *next = (entry & tb->pfn_mask) << tb->offset_bits;
      return TRUE;
    }
  levels = get_levels (config->mode, &n_levels);
  if (level + 1 >= n_levels || !(entry & OSL_PTE_P))
    return FALSE;
  if (levels[level].large_page != 0 && (entry & PS_BIT) && config->mode != OSL_PAGING_X86_32)
    return FALSE;
  *next = is_32bit_mode (config->mode) ? entry & 0xFFFFF000 : entry & ADDRESS_MASK & phys_mask (config);
  return TRUE;
}

/* "P | W | U" for error code 7; "none" when no bit is set (a
 * supervisor read of a not-present page). */
char *
osl_pf_error_code_to_string (guint error_code)
{
  static const char *names[] = { "P", "W", "U", "RSVD", "I/D" };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (error_code & (1u << i))
      g_string_append_printf (text, "%s%s", text->len > 0 ? " | " : "", names[i]);
  if (text->len == 0)
    g_string_append (text, _("none"));
  return g_string_free (text, FALSE);
}
