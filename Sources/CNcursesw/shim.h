// The only C in Dossier: ncurses macros that do not import into Swift, as functions.
#ifndef DOSSIER_SHIM_H
#define DOSSIER_SHIM_H

// Wide-character API (get_wch, setcchar, mvadd_wch) needs these before curses.h.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <curses.h>

static inline attr_t dossier_attr_bold(void) { return A_BOLD; }
static inline attr_t dossier_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t dossier_attr_reverse(void) { return A_REVERSE; }
static inline attr_t dossier_attr_dim(void) { return A_DIM; }
static inline int dossier_rows(void) { return LINES; }
static inline int dossier_columns(void) { return COLS; }
static inline WINDOW *dossier_stdscr(void) { return stdscr; }

/// Reads one key: returns OK with a character, KEY_CODE_YES with a function key, ERR on timeout.
static inline int dossier_get_wch(wint_t *key) { return get_wch(key); }

/// Puts one grapheme (up to 5 code points) at a cell with attributes and a colour pair.
static inline int dossier_put_cell(int row, int column, const wchar_t *text, attr_t attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, pair, NULL) != OK) return ERR;
    return mvadd_wch(row, column, &cell);
}

/// Asks for presses of the first button and the wheel, reported at once (no click resolution,
/// which would hold each press back). Returns 1 when the terminal reports the mouse.
static inline int dossier_enable_mouse(void) {
    mmask_t wanted = BUTTON1_PRESSED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
    wanted |= BUTTON5_PRESSED;
#endif
    mouseinterval(0);
    return mousemask(wanted, NULL) != 0;
}

/// The mouse event after KEY_MOUSE: kind 1 a press of the first button, 2 the wheel up, 3 the
/// wheel down, 0 anything else; ERR when there is none.
static inline int dossier_get_mouse(int *kind, int *column, int *row) {
    MEVENT event;
    if (getmouse(&event) != OK) return ERR;
    *column = event.x;
    *row = event.y;
    *kind = 0;
    if (event.bstate & BUTTON1_PRESSED) *kind = 1;
    else if (event.bstate & BUTTON4_PRESSED) *kind = 2;
#ifdef BUTTON5_PRESSED
    else if (event.bstate & BUTTON5_PRESSED) *kind = 3;
#endif
    return OK;
}

/// Repaints every cell on the next refresh, for Ctrl-L.
static inline void dossier_redraw_all(void) { clearok(stdscr, TRUE); }

// term.h comes last: it defines lower-case macros (lines, columns) that would rename what follows.
#include <term.h>

/// Whether the terminal type `name` can run a full-screen program: 1 when it can; 0 when the
/// system has no terminfo entry for it; -1 when there is no terminfo database; 2 when it cannot
/// move the cursor (TERM=dumb); 3 when it is a hardcopy terminal. Leaves no terminal set up.
static inline int dossier_check_terminal(const char *name) {
    int error = 0;
    if (setupterm((char *)name, 1, &error) != OK) return error == 1 ? 3 : error == 0 ? 0 : -1;
    char *cursorAddress = tigetstr("cup");
    int result = (cursorAddress == NULL || cursorAddress == (char *)-1) ? 2 : 1;
    del_curterm(cur_term);
    return result;
}

#endif
