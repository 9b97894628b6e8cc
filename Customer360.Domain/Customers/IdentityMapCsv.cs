using Sylvan.Data.Csv;

namespace Customer360.Domain.Customers;

/// <summary>Reads an identity map CSV with a <c>contract,user_id</c> header. Values are used exactly as written.</summary>
public static class IdentityMapCsv
{
    public static List<IdentityLink> Read(string path)
    {
        using var reader = CsvDataReader.Create(path);
        int contract = reader.GetOrdinal("contract"), user = reader.GetOrdinal("user_id");
        var links = new List<IdentityLink>();
        while (reader.Read())
        {
            var c = reader.GetString(contract);
            var u = reader.GetString(user);
            if (c.Length == 0 || u.Length == 0)
            {
                throw new InvalidDataException($"{path}: row {links.Count + 2} has an empty contract or user_id.");
            }
            links.Add(new IdentityLink(c, u));
        }
        return links;
    }
}
