namespace CitizenParticipation.Modules.Registry;

/// <summary>Configuration section <c>Registry</c>.</summary>
public sealed class RegistryOptions
{
    /// <summary>Largest original document accepted, in bytes (default 20 MB).</summary>
    public long MaxDocumentBytes { get; set; } = Core.Documents.DocumentInspector.DefaultMaxBytes;

    /// <summary>How long the public dashboard's figures are kept (default 10 s; 0 turns the cache off). Keep it short when several instances serve the site.</summary>
    public int DashboardCacheSeconds { get; set; } = 10;
}

/// <summary>Configuration section <c>MayorsOffice</c>.</summary>
public sealed class MayorsOfficeOptions
{
    /// <summary>An optional tile server, e.g. <c>https://tiles.example/{z}/{x}/{y}.png</c>; the schematic map is used without one.</summary>
    public string? TileUrl { get; set; }
    public string? TileAttribution { get; set; }
    /// <summary>The zoom level of the tile map; 10 shows the whole city with its islands.</summary>
    public int TileZoom { get; set; } = 10;
}
