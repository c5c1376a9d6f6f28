import Testing

@testable import MinshengCore

@Suite struct UnitListParserTests {
    @Test(arguments: [
        ("市财政局、各县(市、区)政府", ["市财政局", "各县(市、区)政府"]),
        ("栾川县、嵩县、汝阳县政府", ["栾川县政府", "嵩县政府", "汝阳县政府"]),
        ("市人力资源和社会保障局、市退役军人事务局", ["市人力资源和社会保障局", "市退役军人事务局"]),
        ("市教育局和市财政局", ["市教育局", "市财政局"]),
        ("市文化广电和旅游局", ["市文化广电和旅游局"]),
        ("市热力公司,北控水务公司，高新热力公司", ["市热力公司", "北控水务公司", "高新热力公司"]),
        ("相关县（市、区）政府；市财政局。", ["相关县（市、区）政府", "市财政局"]),
        ("洛龙区政府、瀍河区政府", ["洛龙区政府", "瀍河区政府"]),
        ("栾川县、嵩县", ["栾川县", "嵩县"]),
    ])
    func splitsAndExpands(_ text: String, _ expected: [String]) {
        #expect(UnitListParser.parse(text) == expected)
    }

    @Test func recognisesCutOffLists() {
        #expect(UnitListParser.looksIncomplete("市住房和城乡建设局、市城"))
        #expect(UnitListParser.looksIncomplete("市财政局、"))
        #expect(!UnitListParser.looksIncomplete("洛阳移动公司、洛阳联通公司、洛阳电信公司"))
        #expect(!UnitListParser.looksIncomplete("相关县(市、区)政府"))
    }

    @Test func classifiesUnits() {
        #expect(UnitListParser.kind(of: "各县(市、区)政府") == .group)
        #expect(UnitListParser.kind(of: "相关城市区政府") == .group)
        #expect(UnitListParser.kind(of: "洛龙区政府") == .government)
        #expect(UnitListParser.kind(of: "伊滨区管委会") == .government)
        #expect(UnitListParser.kind(of: "市城投集团") == .enterprise)
        #expect(UnitListParser.kind(of: "洛阳供电公司") == .enterprise)
        #expect(UnitListParser.kind(of: "市残联") == .organisation)
        #expect(UnitListParser.kind(of: "市教育局") == .department)
    }
}
