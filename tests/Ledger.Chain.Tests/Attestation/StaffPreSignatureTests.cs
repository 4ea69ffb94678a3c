using Ledger.Chain.Attestation;
using Ledger.Chain.Embedded;
using Ledger.Core.Hashing;

namespace Ledger.Chain.Tests.Attestation;

/// <summary>A staff member signs a record hash with their registered key before submitting it; the same scheme verifies it.</summary>
public sealed class StaffPreSignatureTests
{
    private static readonly EthereumKey Issuer = EthereumKey.FromPrivateKey(AnvilProcess.DevPrivateKeys[4]);
    private static readonly EthereumKey Officer = EthereumKey.FromPrivateKey(AnvilProcess.DevPrivateKeys[6]);
    private static readonly byte[] RecordHash = Keccak256.Hash("check-in"u8);

    [Fact]
    public void AStaffPreSignatureVerifiesAgainstTheStaffMembersRegisteredAddress() =>
        Assert.True(IssuerSignature.Verify(RecordHash, IssuerSignature.Sign(Officer, RecordHash), Officer.Address));

    [Fact]
    public void AStaffPreSignatureIsNotTheIssuersSignature() =>
        Assert.False(IssuerSignature.Verify(RecordHash, IssuerSignature.Sign(Officer, RecordHash), Issuer.Address));

    [Fact]
    public void StaffAndIssuerSignaturesOverOneRecordDifferAndEachVerifiesForItsOwnKey()
    {
        var staff = IssuerSignature.Sign(Officer, RecordHash);
        var issuer = IssuerSignature.Sign(Issuer, RecordHash);
        Assert.NotEqual(staff, issuer);
        Assert.Equal(Officer.Address, IssuerSignature.Recover(RecordHash, staff));
        Assert.Equal(Issuer.Address, IssuerSignature.Recover(RecordHash, issuer));
    }
}
