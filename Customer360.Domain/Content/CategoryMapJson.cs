using System.Text;
using System.Text.Json;

namespace Customer360.Domain.Content;

/// <summary>
/// Reads a category map from JSON: one object from AppName to a category name written exactly as the
/// outputs write it (<c>{"APP": "Truyền Hình", "RELAX": "Giải Trí"}</c>). It replaces the default table
/// wholesale. Anything doubtful is refused with an error naming the entry, before any work starts:
/// not an object, a value that is not one of the five names, an empty AppName, an AppName given twice
/// (JSON allows duplicate keys and most readers keep the last one silently), or no entry at all.
/// </summary>
public static class CategoryMapJson
{
    /// <summary>Parses <paramref name="json"/>; <paramref name="source"/> names it in errors (a path or a setting).</summary>
    /// <exception cref="InvalidDataException">The text is not a valid category map.</exception>
    public static CategoryMap Parse(string json, string source)
    {
        var entries = new List<KeyValuePair<string, ContentCategory>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Invalid(source, "it must be a JSON object from AppName to category name, e.g. {\"APP\": \"Truyền Hình\"}");
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var app = reader.GetString()!;
                if (app.Trim().Length == 0)
                {
                    throw Invalid(source, "an AppName is empty");
                }
                if (!seen.Add(app))
                {
                    throw Invalid(source, $"AppName \"{app}\" is given twice");
                }
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    throw Invalid(source, $"the category of AppName \"{app}\" is not a string");
                }
                var name = reader.GetString();
                if (!ContentCategories.TryParseDisplayName(name, out var category))
                {
                    throw Invalid(source, $"AppName \"{app}\" maps to \"{name}\", which is not a category; use one of {string.Join(", ", ContentCategories.InOrder.Select(c => "\"" + ContentCategories.DisplayName(c) + "\""))}");
                }
                entries.Add(new(app, category));
            }
            if (reader.Read())
            {
                throw Invalid(source, "there is more after the JSON object");
            }
        }
        catch (JsonException ex)
        {
            throw Invalid(source, "it is not valid JSON (" + ex.Message + ")");
        }
        if (entries.Count == 0)
        {
            throw Invalid(source, "it maps no AppName, so every content line would be rejected as unmapped_app");
        }
        return new CategoryMap(entries);
    }

    /// <summary>Reads and parses a category map file.</summary>
    /// <exception cref="InvalidDataException">The file is missing, unreadable or not a valid category map.</exception>
    public static CategoryMap ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new InvalidDataException($"Category map {path} cannot be read: {ex.Message}", ex);
        }
        return Parse(text, path);
    }

    /// <summary>
    /// The app-setting form: the value is the JSON object itself when it starts with <c>{</c> (what fits in an
    /// Azure app setting), otherwise the path of a file holding it.
    /// </summary>
    public static CategoryMap FromSetting(string settingName, string value) =>
        value.TrimStart().StartsWith('{') ? Parse(value, "setting " + settingName) : ReadFile(value.Trim());

    private static InvalidDataException Invalid(string source, string why) => new($"Category map {source} is refused: {why}.");
}
