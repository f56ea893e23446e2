# bash completion for roviec(1)                          -*- shell-script -*-
# shellcheck disable=SC2207 # COMPREPLY=($(compgen ...)): words never hold blanks here
#
# Commands, subcommands and options are read from the program's own --help
# (so they never disagree with it); live values (agency, category and
# enterprise codes, park names, petition codes, conference numbers) come
# from `roviec complete KIND PREFIX`, which is quiet and never creates a
# database, with the --db/--as given on the line (or ROVIEC_DB).

# The value kind of an option that takes one from the database or a closed
# set; "file" for a path; "" for free text.
_roviec_value_kind()
{
    case $1 in
        --enterprise) echo enterprises ;;
        --category) echo categories ;;
        --lead | --coordinate | --agency) echo agencies ;;
        --zone) echo zones ;;
        --status) echo statuses ;;
        --outcome) echo outcomes ;;
        --channel) echo channels ;;
        --kind) echo kinds ;;
        --role) echo roles ;;
        --conference) echo conferences ;;
        --db | --output) echo file ;;
        --lang) echo lang ;;
        --format) echo format ;;
        --rating) echo rating ;;
    esac
}

# Adds to COMPREPLY the values of KIND (roviec complete) that start with
# $cur, quoted for the command line (park names have spaces).  Uses $bin
# and $dbargs of _roviec.
_roviec_live()
{
    local v want
    want=$(dequote "$cur" 2>/dev/null) || want=$cur
    while IFS= read -r v; do
        [[ -n $v && $v == "$want"* ]] && COMPREPLY+=("$(printf '%q' "$v")")
    done < <("$bin" "${dbargs[@]}" complete "$1" "$want" 2>/dev/null </dev/null)
}

# The --help text of the program (no argument) or of a command, kept for
# the shell session: sets _roviec_h.  Uses $bin of _roviec.
declare -gA _roviec_help_cache=()
_roviec_help()
{
    local key="$bin|${1:-}"
    if [[ -z ${_roviec_help_cache[$key]+set} ]]; then
        _roviec_help_cache[$key]=$("$bin" ${1:+"$1"} --help 2>/dev/null </dev/null)
    fi
    _roviec_h=${_roviec_help_cache[$key]}
}

# The command names of the program's --help (call _roviec_help first,
# outside the $(...) this runs in, so that the cache is kept).
_roviec_commands()
{
    awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }' <<<"$_roviec_h"
}

_roviec()
{
    local cur prev words cword
    _init_completion || return

    local bin=${words[0]} i=1 cmd="" cmdi=0 _roviec_h
    local -a dbargs=()
    [[ $bin == */* ]] || bin=roviec
    # Global options come before the command word.
    while ((i < cword)); do
        case ${words[i]} in
            --db | --as)
                dbargs+=("${words[i]}" "$(dequote "${words[i + 1]}" 2>/dev/null)")
                ((i += 2))
                ;;
            --lang) ((i += 2)) ;;
            --*) ((i++)) ;;
            *)
                cmd=${words[i]} cmdi=$i
                break
                ;;
        esac
    done

    local kind
    kind=$(_roviec_value_kind "$prev")
    if [[ -z $cmd ]]; then
        case $prev in
            --db) _filedir; return ;;
            --lang) COMPREPLY=($(compgen -W 'vi en' -- "$cur")); return ;;
            --as) COMPREPLY=($(compgen -u -- "$cur")); return ;;
        esac
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W '--db --as --lang --no-color --help --version' -- "$cur"))
        else
            _roviec_help
            COMPREPLY=($(compgen -W "help $(_roviec_commands)" -- "$cur"))
        fi
        return
    fi

    local help sub="" subs
    if [[ $cmd == help ]]; then
        _roviec_help
        ((cword == cmdi + 1)) && COMPREPLY=($(compgen -W "$(_roviec_commands)" -- "$cur"))
        return
    fi
    _roviec_help "$cmd"
    help=$_roviec_h
    # Subcommands: the lowercase word after "roviec CMD" on synopsis lines.
    subs=$(sed -n "s/^roviec $cmd \([a-z][a-z_|]*\).*/\1/p" <<<"$help" | tr '|' ' ')
    if [[ -n $subs ]]; then
        if ((cword == cmdi + 1)); then
            COMPREPLY=($(compgen -W "$subs" -- "$cur"))
            return
        fi
        sub=${words[cmdi + 1]}
    fi

    case $kind in
        file) _filedir; return ;;
        lang) COMPREPLY=($(compgen -W 'vi en' -- "$cur")); return ;;
        format) COMPREPLY=($(compgen -W 'csv xlsx json open311 html' -- "$cur")); return ;;
        rating) COMPREPLY=($(compgen -W '1 2 3 4 5' -- "$cur")); return ;;
        ?*)
            _roviec_live "$kind"
            return
            ;;
    esac
    # An option whose value is free text: nothing to offer.
    if [[ $prev == --* ]] && grep -qE -- "$prev [A-Z[]" <<<"$help"; then
        return
    fi

    if [[ $cur == -* ]]; then
        # The options of this subcommand's synopsis (up to the next
        # synopsis line), plus those of the notes that apply to all.
        local opts
        opts=$(awk -v s="$sub" '
            /^roviec / { on = 0; n = split($3, w, "|"); for (k = 1; k <= n; k++) if (w[k] == s) on = 1 }
            /^[^ ]/ && !/^roviec / { on = 1 }
            on { print }' <<<"$help" | grep -o -- '--[a-z][a-z-]*' | sort -u)
        [[ -z $sub ]] && opts=$(grep -o -- '--[a-z][a-z-]*' <<<"$help" | sort -u)
        COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
        return
    fi

    # Positional arguments.
    case $cmd in
        petition)
            [[ $sub != add && $sub != list ]] &&
                _roviec_live petitions
            ;;
        conference)
            case $sub in
                show | link | answer)
                    if ((cword == cmdi + 2)); then
                        _roviec_live conferences
                    else
                        _roviec_live petitions
                    fi
                    ;;
            esac
            ;;
        report)
            [[ $sub == conference ]] &&
                _roviec_live conferences
            ;;
        import) _filedir '@(csv|json)' ;;
    esac
} &&
    complete -F _roviec roviec

# ex: filetype=sh
