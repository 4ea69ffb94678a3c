using System.Globalization;
using Ledger.Core.Epcis;

namespace Ledger.Testing.Food;

/// <summary>How an identifier takes part in a generated event.</summary>
public enum NetworkRole
{
    /// <summary>Observed (epcList or quantityList): shipping, receiving, commissioning.</summary>
    Object,
    Input,
    Output,
    Parent,
    Child,
}

/// <summary>One generated EPCIS event: its JSON, and what the oracle needs (time, place, identifiers by role, canonical).</summary>
public sealed record NetworkEvent(int Index, string EventId, string Type, long TimeMs, string Location, IReadOnlyList<(NetworkRole Role, string Id)> Ids, string Json);

/// <summary>
/// A deterministic supply network (same seed, same events): farms harvest lots and ship them to packers; packers
/// transform them into packed lots, load those on pallets (aggregation) and ship the pallets to processors; processors
/// transform packed lots, sometimes with an earlier processed lot as an ingredient, into processed lots, now and then
/// rework a fresh lot back into an older lot code (a cycle), and one processor keeps a brine chain (each lot made from
/// the one before: a deep chain, restarted every 100 days); distributors receive (a TransactionEvent with a purchase
/// order) and ship on to markets. One day is about 100 events. Used by the trace tests (10,000 events) and by
/// scripts/bench-food (100,000); <see cref="TraceOracle"/> says what a trace must reach.
/// </summary>
public sealed class SupplyNetwork
{
    private const int Farms = 40, Packers = 8, Processors = 6, Distributors = 4, Markets = 30, ChainRestart = 100;
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    private readonly List<NetworkEvent> _events = [];
    private readonly Random _random;
    private readonly string _tag;
    private int _pallets;

    private SupplyNetwork(int seed, string tag)
    {
        _random = new Random(seed);
        _tag = tag;
    }

    public IReadOnlyList<NetworkEvent> Events => _events;
    public List<string> FarmLots { get; } = [];
    public List<string> PackedLots { get; } = [];
    public List<string> ProcessedLots { get; } = [];
    public List<string> ChainLots { get; } = [];
    public List<string> ReworkedLots { get; } = [];
    public List<string> PalletIds { get; } = [];

    /// <summary>Exactly <paramref name="count"/> events; <paramref name="tag"/> (digits, at most 6) keeps one network's identifiers apart from another's.</summary>
    public static SupplyNetwork Generate(int count, int seed, string tag)
    {
        var network = new SupplyNetwork(seed, tag);
        for (var day = 0; network._events.Count < count; day++)
        {
            network.Day(day);
        }
        network._events.RemoveRange(count, network._events.Count - count);
        // The lists name only identifiers whose events survived the cut: a lot made by a cut event is not in the network.
        var named = network._events.SelectMany(e => e.Ids.Select(i => i.Id)).ToHashSet(StringComparer.Ordinal);
        foreach (var list in new[] { network.FarmLots, network.PackedLots, network.ProcessedLots, network.ChainLots, network.ReworkedLots, network.PalletIds })
        {
            list.RemoveAll(id => !named.Contains(id));
        }
        return network;
    }

    /// <summary>The events as EPCIS 2.0 capture documents of at most <paramref name="perDocument"/> events each.</summary>
    public IEnumerable<string> Documents(int perDocument = 10_000) =>
        _events.Chunk(perDocument).Select(chunk =>
            "{ \"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"], \"type\": \"EPCISDocument\", \"schemaVersion\": \"2.0\", " +
            "\"creationDate\": \"2026-01-01T00:00:00Z\", \"epcisBody\": { \"eventList\": [\n" + string.Join(",\n", chunk.Select(e => e.Json)) + "\n] } }");

    private readonly List<(string Lot, int Day)> _ingredients = [];
    private readonly List<string>[] _processedBy = [.. Enumerable.Range(0, Processors).Select(_ => new List<string>())];
    private string? _chainLot;

    private void Day(int day)
    {
        var at = Start.AddDays(day);
        var received = Enumerable.Range(0, Packers).Select(_ => new List<string>()).ToArray();
        foreach (var farm in Enumerable.Range(0, Farms).Where(_ => _random.Next(2) == 0))
        {
            var lot = Lot(1 + farm % 10, $"F{_tag}-{day}-{farm}");
            FarmLots.Add(Canonical(lot));
            var packer = farm % Packers;
            Observe(at.AddHours(1), "commissioning", "ADD", Place(10001 + farm), lot);
            Observe(at.AddHours(2), "shipping", "OBSERVE", Place(10001 + farm), lot);
            Observe(at.AddHours(4), "receiving", "OBSERVE", Place(20001 + packer), lot);
            received[packer].Add(lot);
        }
        var delivered = Enumerable.Range(0, Processors).Select(_ => new List<string>()).ToArray();
        for (var packer = 0; packer < Packers; packer++)
        {
            var packed = new List<string>();
            foreach (var group in Groups(received[packer], 2, 3))
            {
                var lot = Lot(11 + packer % 10, $"K{_tag}-{day}-{packer}-{packed.Count}");
                Transform(at.AddHours(6), Place(20001 + packer), group, lot);
                PackedLots.Add(Canonical(lot));
                packed.Add(lot);
            }
            foreach (var load in Groups(packed, 1, 3))
            {
                var pallet = $"urn:epc:id:sscc:4012345.{_tag}{++_pallets:D4}";
                PalletIds.Add(Canonical(pallet));
                var processor = _random.Next(Processors);
                Aggregate(at.AddHours(7), Place(20001 + packer), pallet, load);
                Instance(at.AddHours(8), "shipping", Place(20001 + packer), pallet);
                Instance(at.AddHours(12), "receiving", Place(30001 + processor), pallet);
                delivered[processor].AddRange(load);
            }
        }
        for (var processor = 0; processor < Processors; processor++)
        {
            Process(day, at, processor, delivered[processor]);
        }
    }

    private void Process(int day, DateTimeOffset at, int processor, List<string> stock)
    {
        var place = Place(30001 + processor);
        // The brine chain: every day's lot is made from the day before's, topped up with a packed lot when one came.
        var chain = new List<string>();
        if (processor == 0 && _chainLot is not null && day % ChainRestart != 0)
        {
            chain.Add(_chainLot);
        }
        if (processor == 0 && stock.Count > 0)
        {
            chain.Add(stock[0]);
        }
        if (chain.Count > 0)
        {
            var brine = Lot(40, $"B{_tag}-{day}");
            Transform(at.AddHours(15), place, chain, brine);
            ChainLots.Add(Canonical(brine));
            _chainLot = brine;
        }
        foreach (var group in Groups(stock, 2, 2))
        {
            var inputs = group.ToList();
            var recent = _ingredients.Where(i => i.Day >= day - 5).ToList();
            if (recent.Count > 0 && _random.NextDouble() < 0.35)
            {
                inputs.Add(recent[_random.Next(recent.Count)].Lot);
            }
            var lot = Lot(21 + processor, $"P{_tag}-{day}-{processor}-{_processedBy[processor].Count}");
            Transform(at.AddHours(16), place, inputs, lot);
            ProcessedLots.Add(Canonical(lot));
            if (_processedBy[processor].Count > 5 && _random.NextDouble() < 0.04)
            {
                var older = _processedBy[processor][_random.Next(_processedBy[processor].Count - 5)];
                Transform(at.AddHours(17), place, [lot], older);
                ReworkedLots.Add(Canonical(older));
            }
            _processedBy[processor].Add(lot);
            _ingredients.Add((lot, day));
            Distribute(at, place, lot);
        }
    }

    private void Distribute(DateTimeOffset at, string from, string lot)
    {
        var distributor = Place(40001 + _random.Next(Distributors));
        Observe(at.AddHours(18), "shipping", "OBSERVE", from, lot);
        Transaction(at.AddHours(22), distributor, lot);
        if (_random.NextDouble() < 0.7)
        {
            var market = Place(50001 + _random.Next(Markets));
            Observe(at.AddHours(30), "shipping", "OBSERVE", distributor, lot);
            Observe(at.AddHours(34), "receiving", "OBSERVE", market, lot);
        }
    }

    // Consecutive groups of min..max items; a last single item joins when min is more than one and nothing is left to pair.
    private IEnumerable<List<string>> Groups(List<string> items, int min, int max)
    {
        for (var i = 0; i < items.Count;)
        {
            var size = Math.Min(items.Count - i, _random.Next(min, max + 1));
            if (size < min && i > 0)
            {
                yield break;
            }
            yield return items.GetRange(i, size);
            i += size;
        }
    }

    private void Observe(DateTimeOffset time, string step, string action, string place, string lot) =>
        Add("ObjectEvent", time, place, [(NetworkRole.Object, lot)],
            $"\"action\": \"{action}\", \"bizStep\": \"{step}\", \"epcList\": [], \"quantityList\": [ {Quantity(lot)} ]");

    private void Instance(DateTimeOffset time, string step, string place, string epc) =>
        Add("ObjectEvent", time, place, [(NetworkRole.Object, epc)], $"\"action\": \"OBSERVE\", \"bizStep\": \"{step}\", \"epcList\": [ \"{epc}\" ]");

    private void Transaction(DateTimeOffset time, string place, string lot) =>
        Add("TransactionEvent", time, place, [(NetworkRole.Object, lot)],
            $"\"action\": \"ADD\", \"bizStep\": \"receiving\", \"bizTransactionList\": [ {{ \"type\": \"po\", \"bizTransaction\": \"urn:epcglobal:cbv:bt:4012345000009:PO-{_tag}-{_events.Count}\" }} ], \"epcList\": [], \"quantityList\": [ {Quantity(lot)} ]");

    private void Transform(DateTimeOffset time, string place, IReadOnlyList<string> inputs, string output) =>
        Add("TransformationEvent", time, place, [.. inputs.Select(i => (NetworkRole.Input, i)), (NetworkRole.Output, output)],
            $"\"bizStep\": \"commissioning\", \"inputQuantityList\": [ {string.Join(", ", inputs.Select(Quantity))} ], \"outputQuantityList\": [ {Quantity(output)} ]");

    private void Aggregate(DateTimeOffset time, string place, string pallet, IReadOnlyList<string> lots) =>
        Add("AggregationEvent", time, place, [(NetworkRole.Parent, pallet), .. lots.Select(l => (NetworkRole.Child, l))],
            $"\"action\": \"ADD\", \"bizStep\": \"packing\", \"parentID\": \"{pallet}\", \"childQuantityList\": [ {string.Join(", ", lots.Select(Quantity))} ]");

    private void Add(string type, DateTimeOffset time, string place, List<(NetworkRole, string)> ids, string fields)
    {
        var index = _events.Count;
        var eventId = $"urn:uuid:{_tag.PadLeft(8, '0')}-0000-4000-8000-{index:D12}";
        var json = $"{{ \"type\": \"{type}\", \"eventID\": \"{eventId}\", \"eventTime\": \"{time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture)}\", " +
            $"\"eventTimeZoneOffset\": \"+08:00\", {fields}, \"bizLocation\": {{ \"id\": \"{place}\" }} }}";
        _events.Add(new NetworkEvent(index, eventId, type, time.ToUnixTimeMilliseconds(), Canonical(place),
            [.. ids.Select(i => (i.Item1, Canonical(i.Item2)))], json));
    }

    private string Quantity(string lot) => $"{{ \"epcClass\": \"{lot}\", \"quantity\": {_random.Next(10, 500)}, \"uom\": \"KGM\" }}";

    private static string Lot(int item, string code) => $"urn:epc:class:lgtin:4012345.0{item:D5}.{code}";

    private static string Place(int reference) => $"urn:epc:id:sgln:4012345.{reference:D5}.0";

    /// <summary>The canonical form the ledger's index uses (a Digital Link URI).</summary>
    public static string Canonical(string id) => Gs1Identifier.TryParse(id)?.Canonical ?? throw new ArgumentException($"Not a GS1 identifier: {id}");
}
