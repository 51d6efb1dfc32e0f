/* osl-paging.h: x86 page-table walks as the Intel SDM describes them
 *
 * A walk reads real entries from an OslPhysMem, checks them the way the
 * processor does (present bit, reserved bits, access rights across
 * levels), sets the accessed and dirty flags, and records every step so
 * that a diagram can redraw it. The result is a physical address or a
 * fault with its real cause and error code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "osl-phys-mem.h"

G_BEGIN_DECLS

#define OSL_PAGING_ERROR (osl_paging_error_quark ())
#define OSL_WALK_MAX_STEPS 6
#define OSL_TEXTBOOK_MAX_LEVELS 4

typedef enum
{
  OSL_PAGING_ERROR_INVALID,
} OslPagingError;

typedef enum
{
  OSL_PAGING_X86_32,       /* 10/10/12, 4-byte entries */
  OSL_PAGING_X86_32_PSE,   /* as above, with 4 MiB pages (CR4.PSE=1) */
  OSL_PAGING_PAE,          /* 2/9/9/12, 8-byte entries, NX */
  OSL_PAGING_X86_64,       /* 9/9/9/9/12, canonical 48-bit addresses */
  OSL_PAGING_X86_64_LA57,  /* 9/9/9/9/9/12, canonical 57-bit addresses */
  OSL_PAGING_TEXTBOOK,     /* a configurable teaching format (OSTEP) */
  OSL_N_PAGING_MODES
} OslPagingMode;

typedef enum
{
  OSL_ACCESS_READ,
  OSL_ACCESS_WRITE,
  OSL_ACCESS_EXEC,
} OslAccessKind;

typedef struct
{
  OslAccessKind kind;
  gboolean      user;   /* CPL 3 */
} OslAccess;

/* The textbook format: levels of tables, each entry holds a valid bit
 * and a page frame number; no permissions. */
typedef struct
{
  guint   n_levels;                         /* 1 … 4 */
  guint   index_bits[OSL_TEXTBOOK_MAX_LEVELS];  /* top level first */
  guint   offset_bits;                      /* log2 of the page size */
  guint   entry_size;                       /* 1, 2, 4 or 8 bytes */
  guint   valid_bit;
  guint64 pfn_mask;                         /* the PFN is entry & pfn_mask */
} OslTextbookFormat;

typedef struct
{
  OslPagingMode     mode;
  guint64           cr3;         /* textbook: address of the top table */
  gboolean          wp;          /* CR0.WP */
  gboolean          nxe;         /* EFER.NXE */
  gboolean          pge;         /* CR4.PGE: global entries survive CR3 writes */
  guint             maxphyaddr;  /* M, 32 … 52 */
  OslTextbookFormat textbook;
} OslPagingConfig;

/* Decoded flags of one entry; bit positions follow the SDM. */
typedef enum
{
  OSL_PTE_P   = 1 << 0,
  OSL_PTE_RW  = 1 << 1,
  OSL_PTE_US  = 1 << 2,
  OSL_PTE_PWT = 1 << 3,
  OSL_PTE_PCD = 1 << 4,
  OSL_PTE_A   = 1 << 5,
  OSL_PTE_D   = 1 << 6,
  OSL_PTE_PS  = 1 << 7,
  OSL_PTE_G   = 1 << 8,
  OSL_PTE_PAT = 1 << 9,
  OSL_PTE_NX  = 1 << 10,
} OslPteFlags;

typedef enum
{
  OSL_FAULT_NONE,
  OSL_FAULT_PF,                /* #PF, vector 14 */
  OSL_FAULT_GP,                /* #GP, vector 13 */
  OSL_FAULT_EPT_VIOLATION,     /* VM exit, basic reason 48 */
  OSL_FAULT_EPT_MISCONFIG,     /* VM exit, basic reason 49 */
} OslFault;

typedef enum
{
  OSL_FAULT_CAUSE_NONE,
  OSL_FAULT_CAUSE_NOT_PRESENT,
  OSL_FAULT_CAUSE_RESERVED_BIT,
  OSL_FAULT_CAUSE_USER_SUPERVISOR,
  OSL_FAULT_CAUSE_READ_ONLY,
  OSL_FAULT_CAUSE_NO_EXECUTE,
  OSL_FAULT_CAUSE_NON_CANONICAL,
  OSL_FAULT_CAUSE_BAD_PDPTE,        /* PAE: caught when CR3 is loaded */
  OSL_FAULT_CAUSE_EPT_NOT_PRESENT,
  OSL_FAULT_CAUSE_EPT_DENIED,
  OSL_FAULT_CAUSE_EPT_MISCONFIG,
} OslFaultCause;

/* #PF error-code bits (Linux X86_PF_*). */
typedef enum
{
  OSL_PF_PROT  = 1 << 0,
  OSL_PF_WRITE = 1 << 1,
  OSL_PF_USER  = 1 << 2,
  OSL_PF_RSVD  = 1 << 3,
  OSL_PF_INSTR = 1 << 4,
} OslPfErrorCode;

typedef struct
{
  const char  *level;          /* "PML4", "PD", "PT", … (static) */
  guint64      table;          /* base of the table (guest-physical when nested) */
  guint        index;
  guint        index_bits;
  guint        shift;          /* the index is (va >> shift) & mask */
  guint64      entry_pa;       /* table + index × entry size */
  guint64      entry_host_pa;  /* where the entry really is (nested walks) */
  guint        entry_size;
  guint64      entry;          /* as read */
  guint64      entry_after;    /* after the walk set A and D */
  OslPteFlags  flags;
  gboolean     leaf;
  gboolean     from_register;  /* PAE PDPTEs: loaded with CR3, no memory read */
  guint64      page_size;      /* a leaf's page size */
  gboolean     may_write;      /* permissions accumulated down to this step */
  gboolean     may_user;
  gboolean     no_execute;
} OslWalkStep;

typedef struct
{
  guint64        va;
  OslAccess      access;
  OslWalkStep    steps[OSL_WALK_MAX_STEPS];
  guint          n_steps;
  OslFault       fault;
  OslFaultCause  cause;
  guint          error_code;
  gint           fault_step;    /* the step that faulted, or -1 */
  guint64        reserved_mask; /* the reserved bits that were set */
  guint64        pa;
  guint64        page_size;
  guint          n_references;  /* memory reads of table entries */
} OslWalk;

typedef struct
{
  char    name[16];   /* "PML4", "offset", "sign extension" */
  guint   high, low;  /* inclusive bit range */
  guint64 value;
} OslAddressField;

GQuark         osl_paging_error_quark          (void);
void           osl_paging_config_init          (OslPagingConfig       *config,
                                                OslPagingMode          mode);
const char    *osl_paging_mode_to_string       (OslPagingMode          mode);
gboolean       osl_paging_mode_from_string     (const char            *name,
                                                OslPagingMode         *mode);
const char    *osl_paging_mode_describe        (OslPagingMode          mode);
guint          osl_paging_va_bits              (const OslPagingConfig *config);
guint          osl_paging_address_width       (const OslPagingConfig *config);
guint          osl_paging_entry_size           (const OslPagingConfig *config);
guint          osl_paging_n_levels             (const OslPagingConfig *config);
gboolean       osl_paging_is_canonical         (const OslPagingConfig *config,
                                                guint64                va);
guint          osl_paging_split                (const OslPagingConfig *config,
                                                guint64                va,
                                                guint64                page_size,
                                                OslAddressField       *fields);
void           osl_paging_walk                 (OslPhysMem            *mem,
                                                const OslPagingConfig *config,
                                                guint64                va,
                                                OslAccess              access,
                                                OslWalk               *walk);
gboolean       osl_paging_validate_textbook    (const OslTextbookFormat *format,
                                                GError               **error);
const char    *osl_fault_to_string             (OslFault               fault);
char          *osl_walk_describe_fault         (const OslWalk         *walk);
char          *osl_pte_flags_to_string         (OslPteFlags            flags);
char          *osl_pf_error_code_to_string     (guint                  error_code);

G_END_DECLS
