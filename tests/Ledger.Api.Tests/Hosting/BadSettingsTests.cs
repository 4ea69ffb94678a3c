namespace Ledger.Api.Tests.Hosting;

/// <summary>
/// A bad setting stops the real service at start with one line per problem on stderr (and in the log) that names the
/// setting, the value and what is allowed, and exit code 78 — no unhandled-exception dump, and never a secret.
/// </summary>
public sealed class BadSettingsTests
{
    private const int ConfigurationError = 78;

    public static TheoryData<string, string, string[]> BadValues => new()
    {
        // A value that does not even convert to the setting's type.
        { "Anchoring:BatchInterval", "abc", ["Anchoring:BatchInterval is 'abc'", "not a duration", "00:00:00 to 1.00:00:00"] },
        { "Anchoring:Enabled", "maybe", ["Anchoring:Enabled is 'maybe'", "true or false"] },
        { "Ingest:MaxJsonDepth", "deep", ["Ingest:MaxJsonDepth is 'deep'", "whole number from 4 to 64"] },
        // A value of the right type outside its range.
        { "Ingest:MaxBodyBytes", "-5", ["Ingest:MaxBodyBytes is -5", "1024 to 16777216"] },
        { "Chain:ReplacementBumpPercent", "9", ["Chain:ReplacementBumpPercent is 9", "10 to 1000"] },
        { "RateLimits:PublicWindow", "00:00:00", ["RateLimits:PublicWindow is 00:00:00", "00:00:01 to 01:00:00"] },
        { "Hosting:ShutdownDrain", "00:10:00", ["Hosting:ShutdownDrain is 00:10:00", "00:00:00 to 00:05:00"] },
        // Addresses and networks that do not parse (named by position: text values are not echoed).
        { "Hosting:TrustedProxies:0", "proxy.example", ["Hosting:TrustedProxies:0 is neither an IP address nor a network in CIDR notation"] },
        { "Metrics:AllowedNetworks:0", "10.0.0.0/99", ["Metrics:AllowedNetworks:0 is not a network in CIDR notation"] },
        // A value that breaks a rule between settings.
        { "Anchoring:PollInterval", "00:00:06", ["Anchoring:LeaseDuration must be at least three Anchoring:PollInterval"] },
        // A provider without what it needs.
        { "Storage:Provider", "PostgreSql", ["Storage:Provider is PostgreSql but Storage:ConnectionString is not set"] },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task ABadValueEndsStartUpWithOneLineNamingItTheValueAndWhatIsAllowed(string setting, string value, string[] expected)
    {
        var (exitCode, output, error) = await RunAsync($"--{setting}", value);

        Assert.Equal(ConfigurationError, exitCode);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith("Ledger did not start: ", line);
        Assert.All(expected, text => Assert.Contains(text, line));
        Assert.Contains(line, output); // the log says the same
        AssertNoDump(output + error);
    }

    [Fact]
    public async Task EverySettingThatIsWrongGetsItsOwnLine()
    {
        var (exitCode, _, error) = await RunAsync("--Ingest:MaxBodyBytes", "-5", "--Anchoring:BatchInterval", "abc", "--RateLimits:PublicPermitLimit", "0");

        Assert.Equal(ConfigurationError, exitCode);
        var lines = Lines(error);
        Assert.Equal(3, lines.Count);
        Assert.Contains(lines, l => l.Contains("Ingest:MaxBodyBytes", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Anchoring:BatchInterval", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("RateLimits:PublicPermitLimit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecretsInBadSettingsAreNamedButNeverEchoed()
    {
        const string Password = "s3cret-rpc-password";
        const string PrivateKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d-tampered";
        const string JwtKey = "c2hvcnQtand0LWtleS1zZWNyZXQ=";

        var (exitCode, output, error) = await RunAsync(
            "--Chain:RpcUrl", $"http://ledger:{Password}@127.0.0.1:9/", "--Chain:PrivateKey", PrivateKey,
            "--Auth:Jwt:Issuer", "https://sso.example", "--Auth:Jwt:Audience", "ledger", "--Auth:Jwt:SigningKeys:0", JwtKey);

        Assert.Equal(ConfigurationError, exitCode);
        Assert.Contains(Lines(error), l => l.Contains("Chain:PrivateKey", StringComparison.Ordinal));
        Assert.Contains(Lines(error), l => l.Contains("Auth:Jwt:SigningKeys:0", StringComparison.Ordinal));
        foreach (var secret in new[] { Password, PrivateKey[2..20], JwtKey })
        {
            Assert.DoesNotContain(secret, output + error);
        }
        AssertNoDump(output + error);
    }

    [Fact]
    public async Task AMissingMasterKeyOutsideEmbeddedModeEndsStartUpWithOneLineSayingWhatToSet()
    {
        var (exitCode, output, error) = await RunAsync(
            "--Chain:RpcUrl", "http://127.0.0.1:9/", "--Chain:ChainId", "31337",
            "--Chain:ContractAddress", "0x5FbDB2315678afecb367f032d93F642f64180aa3",
            "--Chain:PrivateKey", "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

        Assert.Equal(ConfigurationError, exitCode);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith("Ledger did not start: No master key is configured.", line);
        Assert.Contains("Protection:MasterKeyFile", line);
        AssertNoDump(output + error);
    }

    [Fact]
    public async Task AnAddressAnotherProgramHoldsEndsStartUpWithOneLineSayingWhatToDo()
    {
        using var other = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        other.Start();
        var address = $"http://127.0.0.1:{((System.Net.IPEndPoint)other.LocalEndpoint).Port}";

        var (exitCode, _, error) = await RunAsync("--Urls", address);

        Assert.Equal(ConfigurationError, exitCode);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith("Ledger did not start: ", line);
        Assert.Contains(address, line);
        Assert.Contains("already in use", line);
        Assert.Contains("--Urls", line);
        AssertNoDump(error); // the host's own log entry still carries the exception; stderr has the one line
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] settings)
    {
        var data = Directory.CreateTempSubdirectory("ledger-settings-").FullName;
        try
        {
            return await ServiceProcess.RunToExitAsync(data, TimeSpan.FromSeconds(60), settings);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static List<string> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static void AssertNoDump(string text)
    {
        Assert.DoesNotContain("Unhandled exception", text);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
    }
}
