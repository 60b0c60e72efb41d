// The --help text.
export const HELP = `postguard: check a social media post against your employer's policy pack.

Usage
  postguard check [TEXT | FILE | -] [options]   check one post
  postguard check --jsonl FILE|- [options]      check many posts, one JSON object a line
  postguard test-pack [FILE]                    run every rule's examples (default: the bundled pack)
  postguard schema                              print the pack JSON Schema
  postguard --help | --version

What to check
  TEXT        the post itself, e.g. postguard check "Great shift today"
  FILE        if the argument is an existing file, its contents are checked
  -           read the post from stdin; with no argument, stdin is read when piped

Options for check
  --pack FILE                  policy pack (JSON); default: the bundled pack
  --context personal|business  whose voice the post is in (default: personal)
  --site facebook|linkedin     where it is posted (default: any site)
  --media                      a photo or video is attached to the post
  --format text|json           output (default: text; json with --jsonl)
  --offsets codepoint|utf16    unit of "start"/"end" in JSON output (default: codepoint)
  --jsonl FILE|-               batch mode: each input line is
                                 {"id": "...", "text": "...", "context": "personal", "site": "facebook"}
                               ("context", "site" and "hasMedia" are optional and default to the
                               options above);
                               each output line is
                                 {"id", "verdict": "ok"|"warn"|"block",
                                  "findings": [{"ruleId", "category", "severity", "start", "end",
                                                "excerpt", "message", "clause", "quote"}]}
                               A line that cannot be checked (invalid JSON, no "text", bad
                               "context", "site" or "hasMedia") gives {"id" (if known), "line",
                               "error"} and the run goes on. Blank lines are skipped.

Offsets in JSON output
  By default "start" and "end" count Unicode code points, so the excerpt is
  [...text].slice(start, end).join('') in JavaScript and text[start:end] in
  Python, whatever the language or emoji before it. --offsets utf16 gives
  JavaScript string indices instead: text.slice(start, end).

Exit status
  0  nothing blocking (a warning or no finding); test-pack: every example passes
  1  a blocking finding (batch: any line blocking); test-pack: an example fails
  2  usage error, unreadable input, or an invalid pack (problems are listed on
     stderr, each with its JSON path)
  3  internal error (a bug in PostGuard: please report it)

Colour is used only when stdout is a terminal; NO_COLOR turns it off.
`;
