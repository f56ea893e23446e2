/* main.c — roviec: the command line over the core, with the terminal UI
 * plugged in (the core never links curses itself). */
#include "cli.h"
#include "tui.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv, tui_main);
}
