/*
 * The cells of an .xlsx worksheet, straight from its XML into Arrow buffers.
 *
 * A sheet of a registry workbook holds a few hundred thousand rows of some
 * thirty text cells; a general XML parser spends most of its time building an
 * object per cell. This scanner knows the few elements of SpreadsheetML that
 * carry values (row, c, v, is, t, and the shared strings' si) and copies each
 * wanted cell's text, decoded, into one buffer per column, with the GIL
 * released so that the next block can be inflated meanwhile.
 *
 * scan(block, wanted, after_row, prefix, sst_offsets, sst_data)
 *     block:     bytes-like, whole <row> elements (anything outside them is skipped)
 *     wanted:    tuple of 0-based column indexes to keep
 *     after_row: rows numbered up to this one are skipped (the header and what is above it)
 *     prefix:    the namespace prefix of the sheet's elements, b"" or e.g. b"x:"
 *     sst_*:     the shared strings as made by `strings` (int64 offsets, UTF-8 data), or empty
 *   → (rows, count, last_row, columns): rows = int64 row numbers of the kept rows (a row with no value in a
 *     wanted column is left out); columns = [(validity bitmap, int64 offsets, data)] per wanted column.
 *
 * strings(xml, prefix) → (count, offsets, data): the shared strings of xl/sharedStrings.xml, rich text runs
 *     joined, phonetic runs left out.
 *
 * Text is decoded as Excel does: the five XML entities, numeric character references, and Excel's own
 * _xHHHH_ escapes. A number is written as Python writes a float, an integer without ".0" below 10^15;
 * a boolean as TRUE / FALSE. Malformed XML raises ValueError.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *p;
    size_t len, cap;
} Buf;

static int buf_grow(Buf *b, size_t extra) {
    if (b->len + extra <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + extra) cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) return -1;
    b->p = p;
    b->cap = cap;
    return 0;
}

static inline int buf_put(Buf *b, const char *s, size_t n) {
    if (!n) return 0;
    if (buf_grow(b, n)) return -1;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}

static inline int buf_i64(Buf *b, int64_t v) { return buf_put(b, (const char *)&v, sizeof v); }

static void buf_free(Buf *b) {
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

/* --- tags ------------------------------------------------------------------------------------------------ */

typedef struct {
    const char *prefix;
    size_t plen;
} Ns;

static inline int is_delim(char c) { return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\r' || c == '\n'; }

/* p points at '<': is this the start tag (or, with slash, the end tag) of element `name`? */
static inline int tag_is(const char *p, const char *end, const Ns *ns, const char *name, int slash) {
    size_t n = strlen(name);
    const char *q = p + 1;
    if (slash) {
        if (q >= end || *q != '/') return 0;
        q++;
    }
    if ((size_t)(end - q) < ns->plen + n + 1) return 0;
    if (ns->plen && memcmp(q, ns->prefix, ns->plen) != 0) return 0;
    q += ns->plen;
    return memcmp(q, name, n) == 0 && is_delim(q[n]);
}

static inline const char *find_char(const char *p, const char *end, char c) {
    return p < end ? memchr(p, c, (size_t)(end - p)) : NULL;
}

/* The '>' closing the tag that starts at p; NULL when the block ends first. */
static inline const char *tag_end(const char *p, const char *end) { return find_char(p, end, '>'); }

/* The value of attribute `name` inside the tag [p, gt); 0 when absent. */
static int attr(const char *p, const char *gt, const char *name, const char **val, size_t *vlen) {
    size_t n = strlen(name);
    for (const char *q = p; q + n + 2 < gt; q++) {
        if ((*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n') && memcmp(q + 1, name, n) == 0) {
            const char *r = q + 1 + n;
            while (r < gt && (*r == ' ' || *r == '\t')) r++;
            if (r >= gt || *r != '=') continue;
            r++;
            while (r < gt && (*r == ' ' || *r == '\t')) r++;
            if (r >= gt || (*r != '"' && *r != '\'')) continue;
            char quote = *r++;
            const char *e = find_char(r, gt, quote);
            if (!e) return 0;
            *val = r;
            *vlen = (size_t)(e - r);
            return 1;
        }
    }
    return 0;
}

/* The end tag </name> at or after p; NULL when missing. */
static const char *find_end(const char *p, const char *end, const Ns *ns, const char *name) {
    while ((p = find_char(p, end, '<')) != NULL) {
        if (tag_is(p, end, ns, name, 1)) return p;
        p++;
    }
    return NULL;
}

/* The end of character data starting at p: the next '<' that does not open a CDATA section. */
static const char *text_end(const char *p, const char *end) {
    while ((p = find_char(p, end, '<')) != NULL) {
        if (end - p >= 9 && !memcmp(p, "<![CDATA[", 9)) {
            const char *q = p + 9;
            for (;;) {
                q = find_char(q, end, ']');
                if (!q || end - q < 3) return NULL;
                if (q[1] == ']' && q[2] == '>') break;
                q++;
            }
            p = q + 3;
            continue;
        }
        return p;
    }
    return NULL;
}

/* --- text ------------------------------------------------------------------------------------------------ */

static int put_utf8(Buf *b, uint32_t cp) {
    char s[4];
    size_t n;
    if (cp < 0x80) { s[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { s[0] = (char)(0xC0 | (cp >> 6)); s[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else if (cp < 0x10000) {
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
        s[0] = (char)(0xE0 | (cp >> 12)); s[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); s[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
    } else if (cp < 0x110000) {
        s[0] = (char)(0xF0 | (cp >> 18)); s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        s[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); s[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
    } else {
        return put_utf8(b, 0xFFFD);
    }
    return buf_put(b, s, n);
}

static inline int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Character data [p, e) decoded into b. */
static int put_text(Buf *b, const char *p, const char *e) {
    const char *q = p;
    while (q < e && *q != '&' && *q != '_' && *q != '<') q++;
    if (q == e) return buf_put(b, p, (size_t)(e - p));
    while (p < e) {
        const char *lt = find_char(p, e, '<');
        if (lt == p) { /* <![CDATA[ … ]]>: copied as it is */
            if (e - p < 12 || memcmp(p, "<![CDATA[", 9) != 0) return -2;
            const char *q2 = p + 9;
            while (q2 + 2 < e && !(q2[0] == ']' && q2[1] == ']' && q2[2] == '>')) q2++;
            if (q2 + 2 >= e) return -2;
            if (buf_put(b, p + 9, (size_t)(q2 - p - 9))) return -1;
            p = q2 + 3;
            continue;
        }
        if (lt) {
            int rc = put_text(b, p, lt);
            if (rc) return rc;
            p = lt;
            continue;
        }
        const char *amp = find_char(p, e, '&');
        const char *und = find_char(p, amp ? amp : e, '_');
        const char *stop = und ? und : (amp ? amp : e);
        if (buf_put(b, p, (size_t)(stop - p))) return -1;
        p = stop;
        if (p >= e) break;
        if (*p == '_') {
            /* _xHHHH_ */
            if (e - p >= 7 && p[1] == 'x' && p[6] == '_') {
                int h0 = hexval(p[2]), h1 = hexval(p[3]), h2 = hexval(p[4]), h3 = hexval(p[5]);
                if (h0 >= 0 && h1 >= 0 && h2 >= 0 && h3 >= 0) {
                    if (put_utf8(b, (uint32_t)((h0 << 12) | (h1 << 8) | (h2 << 4) | h3))) return -1;
                    p += 7;
                    continue;
                }
            }
            if (buf_put(b, "_", 1)) return -1;
            p++;
            continue;
        }
        const char *semi = find_char(p, e, ';');
        if (!semi || semi - p > 12) return -2;
        const char *name = p + 1;
        size_t n = (size_t)(semi - name);
        const char *rep = NULL;
        if (n == 3 && !memcmp(name, "amp", 3)) rep = "&";
        else if (n == 2 && !memcmp(name, "lt", 2)) rep = "<";
        else if (n == 2 && !memcmp(name, "gt", 2)) rep = ">";
        else if (n == 4 && !memcmp(name, "quot", 4)) rep = "\"";
        else if (n == 4 && !memcmp(name, "apos", 4)) rep = "'";
        if (rep) {
            if (buf_put(b, rep, 1)) return -1;
        } else if (n >= 2 && name[0] == '#') {
            uint32_t cp = 0;
            int hex = name[1] == 'x' || name[1] == 'X';
            const char *d = name + (hex ? 2 : 1);
            if (d >= semi) return -2;
            for (; d < semi; d++) {
                int v = hex ? hexval(*d) : (*d >= '0' && *d <= '9' ? *d - '0' : -1);
                if (v < 0) return -2;
                cp = cp * (hex ? 16 : 10) + (uint32_t)v;
                if (cp > 0x10FFFF) return -2;
            }
            if (put_utf8(b, cp)) return -1;
        } else {
            return -2;
        }
        p = semi + 1;
    }
    return 0;
}

/* The text of every <t> inside [p, e), phonetic runs (<rPh>) left out: a rich text string or an inline string. */
static int put_runs(Buf *b, const char *p, const char *e, const Ns *ns) {
    while ((p = find_char(p, e, '<')) != NULL) {
        if (tag_is(p, e, ns, "rPh", 0)) {
            const char *gt = tag_end(p, e);
            if (!gt) return -2;
            if (gt[-1] == '/') { p = gt + 1; continue; }
            const char *close = find_end(gt, e, ns, "rPh");
            if (!close) return -2;
            p = close + 1;
            continue;
        }
        if (tag_is(p, e, ns, "t", 0)) {
            const char *gt = tag_end(p, e);
            if (!gt) return -2;
            if (gt[-1] == '/') { p = gt + 1; continue; }
            const char *close = text_end(gt + 1, e);
            if (!close) return -2;
            int rc = put_text(b, gt + 1, close);
            if (rc) return rc;
            p = close + 1;
            continue;
        }
        p++;
    }
    return 0;
}

/* A number as Python's str(float) writes it; an integer below 10^15 without ".0". */
static int put_number(Buf *b, const char *p, const char *e) {
    size_t n = (size_t)(e - p);
    const char *d = p;
    if (d < e && *d == '-') d++;
    int plain = d < e && (size_t)(e - d) <= 15;
    for (const char *q = d; plain && q < e; q++) plain = *q >= '0' && *q <= '9';
    if (plain) return buf_put(b, p, n);
    char tmp[64], out[40];
    if (n >= sizeof tmp) return buf_put(b, p, n);
    memcpy(tmp, p, n);
    tmp[n] = 0;
    char *stop;
    double x = strtod(tmp, &stop);
    if (stop == tmp || *stop || !isfinite(x)) return put_text(b, p, e);
    if (x == floor(x) && fabs(x) < 1e15) {
        int k = snprintf(out, sizeof out, "%lld", (long long)x);
        return buf_put(b, out, (size_t)k);
    }
    for (int prec = 1; prec <= 17; prec++) {
        int k = snprintf(out, sizeof out, "%.*g", prec, x);
        if (strtod(out, NULL) == x) {
            return buf_put(b, out, (size_t)k);
        }
    }
    return buf_put(b, p, n);
}

/* --- shared strings ------------------------------------------------------------------------------------- */

static PyObject *strings(PyObject *self, PyObject *args) {
    Py_buffer xml, pre;
    if (!PyArg_ParseTuple(args, "y*y*", &xml, &pre)) return NULL;
    Ns ns = {pre.buf, (size_t)pre.len};
    Buf offsets = {0}, data = {0};
    int64_t count = 0;
    int rc = 0;
    Py_BEGIN_ALLOW_THREADS
    const char *p = xml.buf, *end = (const char *)xml.buf + xml.len;
    rc = buf_i64(&offsets, 0);
    while (!rc && (p = find_char(p, end, '<')) != NULL) {
        if (!tag_is(p, end, &ns, "si", 0)) { p++; continue; }
        const char *gt = tag_end(p, end);
        if (!gt) { rc = -2; break; }
        if (gt[-1] == '/') {
            p = gt + 1;
        } else {
            const char *close = find_end(gt, end, &ns, "si");
            if (!close) { rc = -2; break; }
            rc = put_runs(&data, gt + 1, close, &ns);
            p = close + 1;
        }
        if (!rc) rc = buf_i64(&offsets, (int64_t)data.len);
        count++;
    }
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&xml);
    PyBuffer_Release(&pre);
    PyObject *out = NULL;
    if (rc == -1) PyErr_NoMemory();
    else if (rc) PyErr_SetString(PyExc_ValueError, "sharedStrings.xml: malformed XML");
    else
        out = Py_BuildValue("Ly#y#", (long long)count, offsets.p ? offsets.p : "", (Py_ssize_t)offsets.len,
                            data.p ? data.p : "", (Py_ssize_t)data.len);
    buf_free(&offsets);
    buf_free(&data);
    return out;
}

/* --- the sheet ------------------------------------------------------------------------------------------- */

enum { T_NUMBER, T_SHARED, T_INLINE, T_TEXT, T_BOOL };

typedef struct {
    const char *p, *e; /* raw value: <v> content, or the inside of <is> */
    int type;
} Cell;

typedef struct {
    Buf valid, offsets, data;
    int64_t nulls;
} Column;

static inline int64_t col_index(const char *p, const char *e, int64_t *row) {
    int64_t col = 0;
    const char *q = p;
    while (q < e && *q >= 'A' && *q <= 'Z') col = col * 26 + (*q++ - 'A' + 1);
    if (q == p || q - p > 3 || col > 16384) return -1; /* XFD, column 16384, is the last */
    int64_t r = 0;
    const char *digits = q;
    while (q < e && *q >= '0' && *q <= '9') r = r * 10 + (*q++ - '0');
    if (q != e) return -1;
    if (q > digits) *row = r;
    return col - 1;
}

static inline int64_t parse_int(const char *p, const char *e) {
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) p++;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n')) e--;
    if (p == e) return -1;
    int64_t v = 0;
    for (; p < e; p++) {
        if (*p < '0' || *p > '9' || v > (INT64_MAX - 9) / 10) return -1;
        v = v * 10 + (*p - '0');
    }
    return v;
}

typedef struct {
    const int64_t *sst_off;
    const char *sst_data;
    int64_t sst_n;
} Sst;

static int put_cell(Buf *b, const Cell *c, const Ns *ns, const Sst *sst) {
    switch (c->type) {
    case T_SHARED: {
        int64_t i = parse_int(c->p, c->e), from, to;
        if (i < 0 || i >= sst->sst_n) return -3;
        memcpy(&from, sst->sst_off + i, sizeof from);
        memcpy(&to, sst->sst_off + i + 1, sizeof to);
        return buf_put(b, sst->sst_data + from, (size_t)(to - from));
    }
    case T_INLINE:
        return put_runs(b, c->p, c->e, ns);
    case T_BOOL: {
        int64_t v = parse_int(c->p, c->e);
        return v == 0 ? buf_put(b, "FALSE", 5) : v == 1 ? buf_put(b, "TRUE", 4) : put_text(b, c->p, c->e);
    }
    case T_TEXT:
        return put_text(b, c->p, c->e);
    default:
        return put_number(b, c->p, c->e);
    }
}

typedef struct {
    const int64_t *wanted;
    Py_ssize_t nwanted;
    int64_t max_col;
    int64_t *slot; /* column index → slot in wanted, or -1 */
    Cell *cells;
    Column *cols;
    Buf rows;
    int64_t count, last_row;
    char where[120];
} Scan;

/* The attributes of the tag [p, gt): calls back for r and t only. One pass, no allocation. */
static int cell_attrs(const char *p, const char *gt, const char **r, size_t *rlen, const char **t, size_t *tlen) {
    const char *q = p + 1;
    while (q < gt && !is_delim(*q)) q++; /* the element name */
    while (q < gt) {
        while (q < gt && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n' || *q == '/')) q++;
        if (q >= gt) break;
        const char *name = q;
        while (q < gt && *q != '=' && *q != ' ') q++;
        size_t n = (size_t)(q - name);
        while (q < gt && (*q == ' ' || *q == '=')) q++;
        if (q >= gt || (*q != '"' && *q != '\'')) return -2;
        char quote = *q++;
        const char *e = find_char(q, gt, quote);
        if (!e) return -2;
        if (n == 1 && *name == 'r') { *r = q; *rlen = (size_t)(e - q); }
        else if (n == 1 && *name == 't') { *t = q; *tlen = (size_t)(e - q); }
        q = e + 1;
    }
    return 0;
}

/* One <c> element starting at p (at '<'). *next: where the row's scan goes on. A cell of a column not wanted is
   left at its start tag: the row's scan steps over its inner tags (v, is, t, f, r, rPr and its children), none of
   which is named c. */
static int scan_cell(Scan *s, const char *p, const char *end, const Ns *ns, int64_t *col, const char **next) {
    const char *gt = tag_end(p, end);
    if (!gt) return -2;
    const char *r = NULL, *t = NULL;
    size_t rlen = 0, tlen = 0;
    int64_t row_in_ref = 0;
    if (cell_attrs(p, gt, &r, &rlen, &t, &tlen)) return -2;
    if (r) {
        int64_t c = col_index(r, r + rlen, &row_in_ref);
        if (c < 0) return -2;
        *col = c;
    } else {
        *col += 1;
    }
    *next = gt + 1;
    if (gt[-1] == '/') return 0;
    int64_t slot = *col <= s->max_col ? s->slot[*col] : -1;
    if (slot < 0) return 0;
    int type = T_NUMBER;
    if (t) {
        if (tlen == 1 && *t == 's') type = T_SHARED;
        else if (tlen == 9 && !memcmp(t, "inlineStr", 9)) type = T_INLINE;
        else if (tlen == 1 && *t == 'b') type = T_BOOL;
        else if (tlen == 1 && *t == 'n') type = T_NUMBER;
        else type = T_TEXT; /* str, e (error), d (ISO date) */
    }
    Cell *cell = &s->cells[slot];
    cell->p = cell->e = NULL;
    cell->type = type;
    for (const char *q = gt + 1; (q = find_char(q, end, '<')) != NULL;) {
        if (tag_is(q, end, ns, "c", 1)) { *next = q; return 0; } /* </c>: no value */
        if (tag_is(q, end, ns, "v", 0)) {
            const char *vgt = tag_end(q, end);
            if (!vgt) return -2;
            if (vgt[-1] == '/') { *next = vgt + 1; return 0; }
            const char *vend = text_end(vgt + 1, end);
            if (!vend) return -2;
            cell->p = vgt + 1;
            cell->e = vend;
            if (type == T_INLINE) cell->type = T_TEXT; /* a <v> in an inline cell: plain text */
            *next = vend;
            return 0;
        }
        if (type == T_INLINE && tag_is(q, end, ns, "is", 0)) {
            const char *igt = tag_end(q, end);
            if (!igt) return -2;
            if (igt[-1] == '/') { *next = igt + 1; return 0; }
            const char *iend = find_end(igt, end, ns, "is");
            if (!iend) return -2;
            cell->p = igt + 1;
            cell->e = iend;
            *next = iend;
            return 0;
        }
        if (tag_is(q, end, ns, "f", 0)) { /* formula: skip it, its cached result follows in <v> */
            const char *fgt = tag_end(q, end);
            if (!fgt) return -2;
            if (fgt[-1] == '/') { q = fgt + 1; continue; }
            const char *fend = find_end(fgt, end, ns, "f");
            if (!fend) return -2;
            q = fend + 1;
            continue;
        }
        q++;
    }
    return -2;
}

/* The row's wanted cells, decoded, onto the columns; a row whose wanted cells are all empty is left out. */
static int emit_row(Scan *s, int64_t row, const Ns *ns, const Sst *sst) {
    int any = 0;
    for (Py_ssize_t i = 0; i < s->nwanted; i++) {
        Cell *cell = &s->cells[i];
        Column *c = &s->cols[i];
        cell->type = cell->p != NULL && cell->e > cell->p ? cell->type : -1;
        if (cell->type < 0) continue;
        size_t before = c->data.len;
        int rc = put_cell(&c->data, cell, ns, sst);
        if (rc) {
            snprintf(s->where, sizeof s->where, "row %lld, column %lld", (long long)row, (long long)s->wanted[i] + 1);
            return rc;
        }
        if (c->data.len == before) cell->type = -1; /* decoded to nothing */
        any |= cell->type >= 0;
    }
    if (!any) return 0;
    for (Py_ssize_t i = 0; i < s->nwanted; i++) {
        Column *c = &s->cols[i];
        char ok = s->cells[i].type >= 0;
        if (!ok) c->nulls++;
        if (buf_put(&c->valid, &ok, 1) || buf_i64(&c->offsets, (int64_t)c->data.len)) return -1;
    }
    s->count++;
    return buf_i64(&s->rows, row);
}

static int scan_rows(Scan *s, const char *p, const char *end, int64_t after_row, const Ns *ns, const Sst *sst) {
    int64_t row = s->last_row;
    while ((p = find_char(p, end, '<')) != NULL) {
        if (!tag_is(p, end, ns, "row", 0)) { p++; continue; }
        const char *gt = tag_end(p, end);
        if (!gt) return -2;
        const char *v;
        size_t vlen;
        if (attr(p, gt, "r", &v, &vlen)) {
            int64_t r = parse_int(v, v + vlen);
            if (r <= 0) return -2;
            row = r;
        } else {
            row += 1;
        }
        s->last_row = row;
        p = gt + 1;
        if (gt[-1] == '/') continue;
        int keep = row > after_row;
        for (Py_ssize_t i = 0; i < s->nwanted; i++) s->cells[i].p = s->cells[i].e = NULL;
        int64_t col = -1;
        /* The row's tags up to </row>, one pass. */
        for (;;) {
            p = find_char(p, end, '<');
            if (!p) {
                snprintf(s->where, sizeof s->where, "row %lld not closed", (long long)row);
                return -2;
            }
            if (tag_is(p, end, ns, "row", 1)) break;
            if (keep && tag_is(p, end, ns, "c", 0)) {
                const char *next;
                int rc = scan_cell(s, p, end, ns, &col, &next);
                if (rc) {
                    snprintf(s->where, sizeof s->where, "row %lld", (long long)row);
                    return rc;
                }
                p = next;
            } else {
                p++;
            }
        }
        if (keep) {
            int rc = emit_row(s, row, ns, sst);
            if (rc) return rc;
        }
        p++;
    }
    return 0;
}

/* Pack one byte per row into an Arrow validity bitmap, in place (the bitmap is shorter). */
static void pack_bits(Buf *b, int64_t n) {
    unsigned char *src = (unsigned char *)b->p;
    size_t bytes = (size_t)((n + 7) / 8);
    for (size_t i = 0; i < bytes; i++) {
        unsigned char byte = 0;
        for (int k = 0; k < 8 && (int64_t)(i * 8 + k) < n; k++) byte |= (unsigned char)(src[i * 8 + k] ? 1 << k : 0);
        src[i] = byte;
    }
    b->len = bytes;
}

static PyObject *scan(PyObject *self, PyObject *args) {
    Py_buffer block, pre, sst_off, sst_data;
    PyObject *wanted_obj;
    long long after_row, first_row = 0;
    if (!PyArg_ParseTuple(args, "y*O!Ly*y*y*|L", &block, &PyTuple_Type, &wanted_obj, &after_row, &pre, &sst_off,
                          &sst_data, &first_row))
        return NULL;
    PyObject *out = NULL;
    Scan s = {0};
    Ns ns = {pre.buf, (size_t)pre.len};
    Sst sst = {sst_off.buf, sst_data.buf, sst_off.len >= 8 ? sst_off.len / 8 - 1 : 0};
    s.nwanted = PyTuple_GET_SIZE(wanted_obj);
    s.last_row = first_row;
    int64_t *wanted = calloc((size_t)s.nwanted + 1, sizeof *wanted);
    s.cells = calloc((size_t)s.nwanted + 1, sizeof *s.cells);
    s.cols = calloc((size_t)s.nwanted + 1, sizeof *s.cols);
    if (!wanted || !s.cells || !s.cols) { PyErr_NoMemory(); goto done; }
    s.max_col = -1;
    for (Py_ssize_t i = 0; i < s.nwanted; i++) {
        wanted[i] = PyLong_AsLongLong(PyTuple_GET_ITEM(wanted_obj, i));
        if (wanted[i] < 0 || wanted[i] > 16383) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "column index out of range");
            goto done;
        }
        if (wanted[i] > s.max_col) s.max_col = wanted[i];
    }
    s.wanted = wanted;
    s.slot = malloc(sizeof *s.slot * (size_t)(s.max_col + 2));
    if (!s.slot) { PyErr_NoMemory(); goto done; }
    for (int64_t c = 0; c <= s.max_col; c++) s.slot[c] = -1;
    for (Py_ssize_t i = 0; i < s.nwanted; i++) {
        if (s.slot[wanted[i]] >= 0) { PyErr_SetString(PyExc_ValueError, "column wanted twice"); goto done; }
        s.slot[wanted[i]] = i;
    }
    int rc = 0;
    for (Py_ssize_t i = 0; i < s.nwanted && !rc; i++) rc = buf_i64(&s.cols[i].offsets, 0);
    if (!rc) {
        Py_BEGIN_ALLOW_THREADS
        rc = scan_rows(&s, block.buf, (const char *)block.buf + block.len, after_row, &ns, &sst);
        if (!rc)
            for (Py_ssize_t i = 0; i < s.nwanted; i++) pack_bits(&s.cols[i].valid, s.count);
        Py_END_ALLOW_THREADS
    }
    if (rc == -1) { PyErr_NoMemory(); goto done; }
    if (rc == -3) { PyErr_Format(PyExc_ValueError, "shared string index out of range (%s)", s.where); goto done; }
    if (rc) { PyErr_Format(PyExc_ValueError, "malformed worksheet XML (%s)", s.where[0] ? s.where : "?"); goto done; }
    PyObject *cols = PyList_New(s.nwanted);
    if (!cols) goto done;
    for (Py_ssize_t i = 0; i < s.nwanted; i++) {
        Column *c = &s.cols[i];
        PyObject *item = Py_BuildValue("y#y#y#L", c->valid.p ? c->valid.p : "", (Py_ssize_t)c->valid.len,
                                       c->offsets.p, (Py_ssize_t)c->offsets.len, c->data.p ? c->data.p : "",
                                       (Py_ssize_t)c->data.len, (long long)c->nulls);
        if (!item) { Py_DECREF(cols); goto done; }
        PyList_SET_ITEM(cols, i, item);
    }
    out = Py_BuildValue("y#LLN", s.rows.p ? s.rows.p : "", (Py_ssize_t)s.rows.len, (long long)s.count,
                        (long long)s.last_row, cols);
done:
    if (s.cols)
        for (Py_ssize_t i = 0; i < s.nwanted; i++) {
            buf_free(&s.cols[i].valid);
            buf_free(&s.cols[i].offsets);
            buf_free(&s.cols[i].data);
        }
    free(s.cols);
    free(s.cells);
    free(s.slot);
    free(wanted);
    buf_free(&s.rows);
    PyBuffer_Release(&block);
    PyBuffer_Release(&pre);
    PyBuffer_Release(&sst_off);
    PyBuffer_Release(&sst_data);
    return out;
}

static PyMethodDef methods[] = {
    {"scan", scan, METH_VARARGS, "The wanted columns of whole <row> elements as Arrow buffers."},
    {"strings", strings, METH_VARARGS, "The shared strings of xl/sharedStrings.xml as Arrow buffers."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, .m_name = "_xlsxscan", .m_doc = "Worksheet XML into Arrow buffers.", .m_size = -1,
    .m_methods = methods,
};

PyMODINIT_FUNC PyInit__xlsxscan(void) { return PyModule_Create(&module); }
