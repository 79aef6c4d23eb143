<?php
// Runs Moodle's own question importers (GIFT and Moodle XML) on files, outside Moodle.
//
// Usage: php tools/moodle_import_check.php MOODLE_DIR gift|xml FILE...
//
// MOODLE_DIR is a Moodle source tree (not part of this project; see docs/interchange.md).
// The script loads Moodle's question/format.php and question/format/FORMAT/format.php
// unchanged, stands in for the few Moodle core functions their parsing calls (no database,
// no files, no network), and prints one JSON object per file: the parse errors Moodle
// reported and, for every question Moodle read, its type, name, answers and fractions,
// plus the checks Moodle's import makes before saving (grades must be one of Moodle's
// grade options; a multiple-choice question's grades must reach 100%).

define('MOODLE_INTERNAL', true);
define('FORMAT_MOODLE', '0');
define('FORMAT_HTML', '1');
define('FORMAT_PLAIN', '2');
define('FORMAT_WIKI', '3');
define('FORMAT_MARKDOWN', '4');
define('PARAM_TEXT', 'text');
define('PARAM_RAW', 'raw');
define('PARAM_ALPHANUMEXT', 'alphanumext');
define('PARAM_TAG', 'tag');

if ($argc < 4) {
    fwrite(STDERR, "usage: php moodle_import_check.php MOODLE_DIR gift|xml FILE...\n");
    exit(2);
}
$moodle = rtrim($argv[1], '/');
$format = $argv[2];
$files = array_slice($argv, 3);

$CFG = new stdClass();
$CFG->dirroot = $moodle;
$CFG->libdir = $moodle . '/lib';

// Stand-ins for Moodle core: strings name themselves, text helpers are plain PHP.
function get_string($id, $component = '', $a = null) {
    return $component . ':' . $id;
}
function get_config($plugin, $name = null) {
    return 1;
}
function s($text) {
    return htmlspecialchars((string) $text, ENT_QUOTES, 'UTF-8');
}
function shorten_text($text, $length = 30) {
    $text = trim(strip_tags((string) $text));
    return mb_strlen($text) > $length ? mb_substr($text, 0, $length - 3) . '...' : $text;
}
function clean_param($value, $type) {
    return $type === PARAM_TEXT ? strip_tags((string) $value) : $value;
}
function debugging($message = '', $level = 0) {
    $GLOBALS['debugging'][] = $message;
}
function format_float($float, $decimals = 1, $round = true, $strip = false) {
    $text = number_format($float, $decimals, '.', '');
    return $strip ? rtrim(rtrim($text, '0'), '.') : $text;
}
class core_text {
    public static function strlen($text) {
        return mb_strlen((string) $text);
    }
    public static function substr($text, $start, $len = null) {
        return mb_substr((string) $text, $start, $len);
    }
    public static function strtolower($text) {
        return mb_strtolower((string) $text);
    }
    public static function trim_utf8_bom($text) {
        return preg_replace('/^\xEF\xBB\xBF/', '', $text);
    }
    public static function entities_to_utf8($text, $htmlent = true) {
        return html_entity_decode((string) $text, ENT_QUOTES, 'UTF-8');
    }
}
class core_tag_tag {
    public static function is_enabled($component, $itemtype) {
        return true;
    }
}
class question_bank {
    public static function fraction_options_full() {
        return $GLOBALS['fractionoptionsfull'];
    }
    // No plug-in question types: core types read GIFT and XML through the format classes.
    public static function get_all_qtypes() {
        return [];
    }
    public static function get_qtype($name, $mustexist = true) {
        if ($mustexist) {
            throw new Exception("question type '$name' is not one this check loads");
        }
        return null;
    }
}
class moodle_exception extends Exception {
    public function __construct($errorcode, $module = '', $link = '', $a = null, $debuginfo = null) {
        parent::__construct($module . ':' . $errorcode . ($debuginfo ? " ($debuginfo)" : ''));
    }
}
class global_output {
    public function notification($message, $type = null) {
        echo "<div class=\"notification\">$message</div>\n";
    }
}
$OUTPUT = new global_output();

// Moodle's list of grade options, read from its question bank code, built the way Moodle builds it.
$bank = file_get_contents($moodle . '/question/engine/bank.php');
preg_match('/\$rawfractions = array\(([^)]*)\)/', $bank, $m);
$raw = array_map('floatval', array_filter(array_map('trim', explode(',', $m[1])), 'strlen'));
$fractionoptionsfull = ['0.0' => 'none', '1.0' => '100%'];
foreach ($raw as $f) {
    $fractionoptionsfull["{$f}"] = $f;
}
foreach (array_reverse($raw) as $f) {
    $fractionoptionsfull['' . (-$f)] = -$f;
}
$fractionoptionsfull['-1.0'] = -1;

// Moodle's match_grade_options, taken from lib/questionlib.php (that file as a whole needs all of Moodle).
$questionlib = file_get_contents($moodle . '/lib/questionlib.php');
preg_match("/function match_grade_options\\(.*?\\r?\\n}\\r?\\n/s", $questionlib, $m);
eval($m[0]);

require_once($moodle . '/question/format.php');
require_once($moodle . '/question/format/' . $format . '/format.php');
if ($format === 'xml') {
    require_once($moodle . '/lib/xmlize.php');
}

$class = 'qformat_' . $format;
$out = [];
foreach ($files as $file) {
    $importer = new $class();
    $read = new ReflectionMethod($class, 'readdata');
    $read->setAccessible(true);
    $parse = new ReflectionMethod($class, 'readquestions');
    $parse->setAccessible(true);
    ob_start();
    if ($format === 'xml') {
        // Question by question, as Moodle's readquestions() does, so that a type this check does not
        // load (cloze needs its question type's own parser) stands out without hiding the others.
        $questions = [];
        try {
            $xml = xmlize(implode('', $read->invoke($importer, $file)), 0, 'UTF-8', true);
            $one = new ReflectionMethod($class, 'import_question');
            $one->setAccessible(true);
            foreach ($xml['quiz']['#']['question'] as $questionxml) {
                try {
                    $questions[] = $one->invoke($importer, $questionxml);
                } catch (Throwable $e) {
                    $questions[] = (object) ['qtype' => 'not read here', 'name' => $e->getMessage()];
                }
            }
        } catch (xml_format_exception $e) {
            $importer->importerrors++;
            echo $e->getMessage();
        }
    } else {
        $questions = $parse->invoke($importer, $read->invoke($importer, $file));
    }
    $printed = ob_get_clean();
    $result = ['file' => $file, 'parse_errors' => $importer->importerrors,
        'printed' => trim(strip_tags($printed)), 'questions' => []];
    foreach ($questions as $q) {
        $row = ['qtype' => $q->qtype, 'name' => $q->name ?? ''];
        if (!$q) {
            continue;
        }
        if ($q->qtype === 'category' || $q->qtype === 'not read here') {
            $row['category'] = $q->category ?? null;
            $result['questions'][] = $row;
            continue;
        }
        $row['text'] = is_array($q->questiontext) ? $q->questiontext['text'] : $q->questiontext;
        $row['format'] = $q->questiontextformat ?? null;
        $row['generalfeedback_format'] = $q->generalfeedbackformat ?? null;
        foreach (['answer', 'fraction', 'tolerance', 'subquestions', 'subanswers', 'correctanswer',
                'single', 'usecase', 'penalty', 'defaultmark', 'feedback', 'generalfeedback',
                'feedbacktrue', 'feedbackfalse'] as $field) {
            if (isset($q->$field)) {
                $value = $q->$field;
                if (is_array($value) && isset($value['text'])) {
                    $row[$field . '_format'] = $value['format'] ?? null;
                    $value = $value['text'];
                } else if (is_array($value)) {
                    $row[$field . '_format'] = array_map(fn($v) => is_array($v) ? ($v['format'] ?? null) : null, $value);
                    $value = array_map(fn($v) => is_array($v) ? ($v['text'] ?? $v) : $v, $value);
                }
                $row[$field] = $value;
            }
        }
        // The checks Moodle's import makes before it saves a question.
        $problems = [];
        if (!empty($q->fraction) && is_array($q->fraction)) {
            foreach ($q->fraction as $fraction) {
                if (match_grade_options($fractionoptionsfull, $fraction, 'error') === false) {
                    $problems[] = "grade $fraction is not one of Moodle's grade options";
                }
            }
            if ($q->qtype === 'multichoice') {
                $max = max($q->fraction);
                $positive = array_sum(array_filter($q->fraction, fn($f) => $f > 0));
                if ($q->single && $max != 1) {
                    $problems[] = "single answer without a 100% answer (max $max)";
                }
                if (!$q->single && round($positive, 2) != 1) {
                    $problems[] = "multiple answers whose positive grades add up to $positive";
                }
            }
        }
        $row['save_problems'] = array_values(array_unique($problems));
        $result['questions'][] = $row;
    }
    $out[] = $result;
}
echo json_encode($out, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_PARTIAL_OUTPUT_ON_ERROR), "\n";
