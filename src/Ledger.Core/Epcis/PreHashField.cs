namespace Ledger.Core.Epcis;

/// <summary>How a standard field of an event is written into the pre-hash string.</summary>
internal enum PreHashShape
{
    /// <summary><c>name=value</c>; an array gives one such pair per item, sorted.</summary>
    Value,

    /// <summary>A timestamp value, written in UTC with milliseconds.</summary>
    Time,

    /// <summary>A list of EPCs: <c>nameepc=…epc=…</c>, items sorted.</summary>
    EpcList,

    /// <summary>A list of quantity elements: <c>namequantityElementepcClass=…quantity=…uom=…</c>, items sorted.</summary>
    QuantityList,

    /// <summary>An object: the name, its standard fields in order, then its extensions sorted.</summary>
    Object,

    /// <summary>An array of objects written as <see cref="Object"/> each, sorted, under one name per item.</summary>
    ObjectArray,

    /// <summary>An array of objects under a list name: the name once, then each item as an <see cref="Object"/> named <see cref="PreHashField.ItemName"/>.</summary>
    ObjectList,
}

/// <summary>One standard field in CBV 2.0's canonical property order, with the order of its own fields.</summary>
internal sealed record PreHashField(string Name, PreHashShape Shape, PreHashField[]? Children = null, string? ItemName = null)
{
    private static readonly PreHashField[] Quantity = [new("epcClass", PreHashShape.Value), new("quantity", PreHashShape.Value), new("uom", PreHashShape.Value)];

    private static readonly PreHashField[] SensorMetadata =
    [
        new("time", PreHashShape.Time), new("startTime", PreHashShape.Time), new("endTime", PreHashShape.Time),
        new("deviceID", PreHashShape.Value), new("deviceMetadata", PreHashShape.Value), new("rawData", PreHashShape.Value),
        new("dataProcessingMethod", PreHashShape.Value), new("bizRules", PreHashShape.Value),
    ];

    private static readonly PreHashField[] SensorReport =
    [
        new("type", PreHashShape.Value), new("exception", PreHashShape.Value), new("deviceID", PreHashShape.Value),
        new("deviceMetadata", PreHashShape.Value), new("rawData", PreHashShape.Value), new("dataProcessingMethod", PreHashShape.Value),
        new("time", PreHashShape.Time), new("microorganism", PreHashShape.Value), new("chemicalSubstance", PreHashShape.Value),
        new("value", PreHashShape.Value), new("component", PreHashShape.Value), new("stringValue", PreHashShape.Value),
        new("booleanValue", PreHashShape.Value), new("hexBinaryValue", PreHashShape.Value), new("uriValue", PreHashShape.Value),
        new("minValue", PreHashShape.Value), new("maxValue", PreHashShape.Value), new("meanValue", PreHashShape.Value),
        new("sDev", PreHashShape.Value), new("percRank", PreHashShape.Value), new("percValue", PreHashShape.Value),
        new("uom", PreHashShape.Value), new("coordinateReferenceSystem", PreHashShape.Value),
    ];

    /// <summary>
    /// The event's standard fields in the order the reference implementation writes them. Business transactions,
    /// sources, destinations and ILMD are not here: like user extensions, they follow in sorted order.
    /// </summary>
    public static PreHashField[] EventOrder { get; } =
    [
        new("eventTime", PreHashShape.Time),
        new("eventTimeZoneOffset", PreHashShape.Value),
        new("certificationInfo", PreHashShape.Value),
        new("parentID", PreHashShape.Value),
        new("epcList", PreHashShape.EpcList),
        new("inputEPCList", PreHashShape.EpcList),
        new("childEPCs", PreHashShape.EpcList),
        new("quantityList", PreHashShape.QuantityList, Quantity),
        new("childQuantityList", PreHashShape.QuantityList, Quantity),
        new("inputQuantityList", PreHashShape.QuantityList, Quantity),
        new("outputEPCList", PreHashShape.EpcList),
        new("outputQuantityList", PreHashShape.QuantityList, Quantity),
        new("action", PreHashShape.Value),
        new("transformationID", PreHashShape.Value),
        new("bizStep", PreHashShape.Value),
        new("disposition", PreHashShape.Value),
        new("persistentDisposition", PreHashShape.Object, [new("set", PreHashShape.Value), new("unset", PreHashShape.Value)]),
        new("readPoint", PreHashShape.Object, [new("id", PreHashShape.Value)]),
        new("bizLocation", PreHashShape.Object, [new("id", PreHashShape.Value)]),
        new("sensorElementList", PreHashShape.ObjectList,
            [new("sensorMetadata", PreHashShape.Object, SensorMetadata), new("sensorReport", PreHashShape.ObjectArray, SensorReport)],
            "sensorElement"),
    ];

    /// <summary>Top-level fields that never enter the pre-hash string.</summary>
    public static IReadOnlySet<string> Excluded { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "type", "recordTime", "eventID", "errorDeclaration",
    };
}
