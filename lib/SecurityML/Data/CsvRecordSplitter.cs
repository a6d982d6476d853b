using System.Text;

namespace SecurityML.Data;

/// <summary>
/// Splits CSV records (RFC 4180: fields separated by commas; a field in double quotes may hold commas, doubled
/// quotes and line breaks) fed one line at a time, so a record may span lines. The line breaks inside a quoted field
/// are kept as they were.
/// </summary>
internal sealed class CsvRecordSplitter(int maximumRecordLength)
{
    private readonly List<string> _fields = [];
    private readonly StringBuilder _field = new();
    private bool _quoted;
    private bool _closedQuote;
    private int _length;

    /// <summary>True while a quoted field continues on the next line.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>The 0-based field where the last line left the record open, or where its quote was out of
    /// place.</summary>
    public int FieldIndex { get; private set; }

    /// <summary>Forgets an open record.</summary>
    public void Reset()
    {
        (_quoted, _closedQuote, IsOpen, _length) = (false, false, false, 0);
        _fields.Clear();
        _field.Clear();
    }

    /// <summary>Adds one line.</summary>
    /// <returns>The record's fields, or null while a quoted field continues on the next line.</returns>
    /// <exception cref="FormatException">A quote in the wrong place; the record is dropped.</exception>
    /// <exception cref="RecordTooLongException">The record's text (line breaks inside it included) is longer than
    /// the limit; the record is dropped.</exception>
    public List<string>? Add(string line, string lineBreak)
    {
        if (!IsOpen)
            Reset();
        _length += line.Length;
        if (_length > maximumRecordLength)
        {
            Reset();
            throw new RecordTooLongException(
                $"the record is longer than the limit of {maximumRecordLength} characters (a quoted field that "
                    + $"never closes?)"
            );
        }
        foreach (var character in line)
            Add(character);
        if (_quoted)
        {
            FieldIndex = _fields.Count;
            _field.Append(lineBreak);
            _length += lineBreak.Length;
            IsOpen = true;
            return null;
        }
        IsOpen = false;
        _fields.Add(_field.ToString());
        var fields = new List<string>(_fields);
        Reset();
        return fields;
    }

    private void Add(char character)
    {
        if (_quoted)
        {
            if (character != '"')
                _field.Append(character);
            else
                (_quoted, _closedQuote) = (false, true);
            return;
        }
        if (character == ',')
        {
            _fields.Add(_field.ToString());
            (_field.Length, _closedQuote) = (0, false);
        }
        else if (character == '"' && _closedQuote)
        {
            _field.Append('"');
            (_quoted, _closedQuote) = (true, false);
        }
        else if (character == '"' && _field.Length == 0)
        {
            _quoted = true;
        }
        else if (_closedQuote || character == '"')
        {
            var reason = _closedQuote
                ? "text after a closing quote; expected a comma"
                : "a quote inside an unquoted field; expected the field in quotes with the quote doubled";
            FieldIndex = _fields.Count;
            Reset();
            throw new FormatException(reason);
        }
        else
        {
            _field.Append(character);
        }
    }

    /// <summary>The record grew past the limit (usually a quoted field that never closes).</summary>
    public sealed class RecordTooLongException(string message) : FormatException(message);
}
