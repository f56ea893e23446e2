/* demo_data.c — the word lists and templates of the demo generator, and
 * the expander that fills them.  See demo_data.h.
 *
 * The petition texts paraphrase what enterprises in Hanoi's parks raise at
 * the Board's dialogue conferences (shared/seeds/): land titles, power
 * cuts, fire-safety approvals, worker housing, tax refunds, site
 * clearance.  Enterprise brands are invented. */
#include "demo_data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define L(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- reference data ---- */

const struct demo_zone demo_zones[] = {
	{ "Khu công nghệ cao Hòa Lạc", "Khu công nghệ cao Hòa Lạc", "XHOALAC", 16, 15 },
	{ "Khu công nghiệp Thăng Long", "KCN Thăng Long", "XDONGANH", 16, 80 },
	{ "Khu công nghiệp Nội Bài", "KCN Nội Bài", "XNOIBAI", 10, 55 },
	{ "Khu công nghiệp Quang Minh", "KCN Quang Minh", "XQUANGMINH", 14, 35 },
	{ "Khu công nghiệp Bắc Thăng Long", "KCN Bắc Thăng Long", "XDONGANH", 8, 60 },
	{ "Khu công nghiệp Sài Đồng B", "KCN Sài Đồng B", "PLONGBIEN", 5, 40 },
	{ "Khu công nghiệp Thạch Thất – Quốc Oai", "KCN Thạch Thất – Quốc Oai", "XQUOCOAI", 10, 15 },
	{ "Khu công nghiệp Phú Nghĩa", "KCN Phú Nghĩa", "XPHUNGHIA", 9, 25 },
	{ "Khu công nghiệp Nam Thăng Long", "KCN Nam Thăng Long", "PDONGNGAC", 5, 30 },
	{ "Khu công nghiệp hỗ trợ Nam Hà Nội", "KCN hỗ trợ Nam Hà Nội", "XPHUXUYEN", 7, 20 },
};
const size_t demo_nzones = COUNT(demo_zones);

const struct demo_agency demo_agencies[] = {
	{ "BQL", "Ban Quản lý các Khu công nghệ cao và Khu công nghiệp thành phố Hà Nội", "board" },
	{ "STC", "Sở Tài chính", "department" },
	{ "SXD", "Sở Xây dựng", "department" },
	{ "SCT", "Sở Công Thương", "department" },
	{ "SNNMT", "Sở Nông nghiệp và Môi trường", "department" },
	{ "SKHCN", "Sở Khoa học và Công nghệ", "department" },
	{ "SNV", "Sở Nội vụ", "department" },
	{ "CT", "Cục Thuế thành phố Hà Nội", "tax" },
	{ "CATP", "Công an thành phố Hà Nội", "police" },
	{ "EVNHN", "Tổng công ty Điện lực thành phố Hà Nội (EVN Hà Nội)", "utility" },
	{ "NSHN", "Công ty Nước sạch Hà Nội", "utility" },
	{ "VNPTHN", "VNPT Hà Nội", "utility" },
	{ "XHOALAC", "UBND xã Hòa Lạc", "commune" },
	{ "XDONGANH", "UBND xã Đông Anh", "commune" },
	{ "XNOIBAI", "UBND xã Nội Bài", "commune" },
	{ "XQUANGMINH", "UBND xã Quang Minh", "commune" },
	{ "XQUOCOAI", "UBND xã Quốc Oai", "commune" },
	{ "XPHUNGHIA", "UBND xã Phú Nghĩa", "commune" },
	{ "XPHUXUYEN", "UBND xã Phú Xuyên", "commune" },
	{ "PLONGBIEN", "UBND phường Long Biên", "commune" },
	{ "PDONGNGAC", "UBND phường Đông Ngạc", "commune" },
	{ "BCT", "Bộ Công Thương", "ministry" },
};
const size_t demo_nagencies = COUNT(demo_agencies);

const struct demo_user demo_users[] = {
	{ "chuyenvien1", "staff", NULL, -1 },
	{ "chuyenvien2", "staff", NULL, -1 },
	{ "chuyenvien3", "staff", NULL, -1 },
	{ "lanhdao1", "official", NULL, -1 },
	{ "lanhdao2", "official", NULL, -1 },
	{ "daumoi_sxd", "agency", "SXD", -1 },
	{ "daumoi_snnmt", "agency", "SNNMT", -1 },
	{ "daumoi_evnhn", "agency", "EVNHN", -1 },
	{ "daumoi_catp", "agency", "CATP", -1 },
	{ "daumoi_ct", "agency", "CT", -1 },
	{ "daumoi_xhoalac", "agency", "XHOALAC", -1 },
	{ "doanhnghiep1", "enterprise", NULL, 0 },
	{ "doanhnghiep2", "enterprise", NULL, 1 },
};
const size_t demo_nusers = COUNT(demo_users);

/* ---- petition templates, one profile per category of src/seed.c ---- */

#define T(...) ((const struct demo_topic[]){ __VA_ARGS__, { NULL, NULL, NULL } })

const struct demo_category demo_categories[] = {
	{ "tthc", 12, "BQL BQL BQL STC SNV", "STC SNV SKHCN",
	  T({ "Chậm trả kết quả thủ tục $X cho dự án tại $Z",
	      "Doanh nghiệp đã nộp đầy đủ hồ sơ $X từ ngày $D nhưng đến nay, sau $1 tuần, vẫn chưa nhận được kết quả, ảnh hưởng đến kế hoạch mở rộng sản xuất.",
	      "đã hoàn thành thủ tục $X và trả kết quả cho doanh nghiệp" },
	    { "Đề nghị thống nhất hướng dẫn thành phần hồ sơ $X",
	      "Thành phần hồ sơ $X theo hướng dẫn của các đơn vị chưa thống nhất, doanh nghiệp đã phải bổ sung hồ sơ $1 lần.",
	      "đã ban hành văn bản hướng dẫn thống nhất thành phần hồ sơ $X" },
	    { "Kiến nghị thực hiện thủ tục $X hoàn toàn trên môi trường điện tử",
	      "Thủ tục $X hiện vẫn yêu cầu nộp bản giấy và ký trực tiếp, trong khi dự án có $2 lao động và nhiều chuyên gia nước ngoài cần được giải quyết kịp thời.",
	      "đã đưa thủ tục $X lên Cổng dịch vụ công trực tuyến toàn trình" },
	    { "Đề nghị hướng dẫn thực hiện quy định mới về $X",
	      "Quy định mới về $X đã có hiệu lực nhưng chưa có văn bản hướng dẫn, doanh nghiệp không biết thực hiện theo quy trình nào.",
	      "đã tổ chức hội nghị phổ biến và hướng dẫn doanh nghiệp thực hiện quy định mới về $X" }),
	  L("Đề nghị Ban Quản lý hướng dẫn cụ thể và rút ngắn thời gian giải quyết.",
	    "Kính đề nghị các cơ quan có thẩm quyền xem xét, giải quyết dứt điểm.",
	    "Đề nghị công khai quy trình, thời hạn giải quyết để doanh nghiệp chủ động theo dõi."),
	  L("điều chỉnh Giấy chứng nhận đăng ký đầu tư", "gia hạn tiến độ thực hiện dự án", "xác nhận ưu đãi đầu tư",
	    "cấp giấy phép xây dựng nhà xưởng", "chấp thuận tổng mặt bằng", "cấp Giấy chứng nhận doanh nghiệp công nghệ cao") },
	{ "dat-dai", 12, "SNNMT SNNMT SNNMT BQL", "BQL @ STC",
	  T({ "Đề nghị đẩy nhanh cấp Giấy chứng nhận quyền sử dụng đất cho dự án tại $Z",
	      "Doanh nghiệp đã hoàn thành nghĩa vụ tài chính đối với $X từ ngày $D nhưng chưa được cấp Giấy chứng nhận quyền sử dụng đất, gây khó khăn khi thế chấp vay vốn ngân hàng.",
	      "đã cấp Giấy chứng nhận quyền sử dụng đất đối với $X cho doanh nghiệp" },
	    { "Kiến nghị xem xét lại đơn giá thuê đất năm $Y",
	      "Đơn giá thuê đất chu kỳ mới tăng khoảng $P% so với chu kỳ trước, vượt khả năng chi trả của doanh nghiệp trong bối cảnh đơn hàng sụt giảm.",
	      "đã rà soát, xác định lại đơn giá thuê đất theo bảng giá đất và hệ số điều chỉnh của Thành phố" },
	    { "Chồng lấn ranh giới $X tại $Z",
	      "Ranh giới $X trên bản đồ địa chính không khớp với hiện trạng được bàn giao, chênh lệch khoảng $2 m².",
	      "đã phối hợp đo đạc, xác định lại ranh giới $X và chỉnh lý hồ sơ địa chính" },
	    { "Vướng mắc thủ tục gia hạn thời hạn sử dụng đất tại $Z",
	      "Dự án sắp hết thời hạn sử dụng đất; hồ sơ gia hạn nộp từ ngày $D nhưng chưa được giải quyết.",
	      "đã giải quyết hồ sơ gia hạn thời hạn sử dụng đất cho dự án" },
	    { "Đề nghị đính chính thông tin trên Giấy chứng nhận quyền sử dụng đất",
	      "Giấy chứng nhận quyền sử dụng đất đối với $X ghi sai diện tích và mục đích sử dụng so với quyết định cho thuê đất.",
	      "đã đính chính thông tin trên Giấy chứng nhận quyền sử dụng đất của doanh nghiệp" }),
	  L("Đề nghị Sở Nông nghiệp và Môi trường sớm xem xét, giải quyết cho doanh nghiệp.",
	    "Đề nghị các cơ quan chức năng kiểm tra, hướng dẫn doanh nghiệp hoàn thiện thủ tục."),
	  L("lô đất CN-05", "lô đất CN-12", "phần diện tích mở rộng nhà xưởng", "khu đất dịch vụ", "thửa đất giáp đường gom") },
	{ "quy-hoach", 5, "SXD SXD BQL", "BQL @",
	  T({ "Đề nghị điều chỉnh cục bộ quy hoạch chi tiết tỷ lệ 1/500 tại $Z",
	      "Doanh nghiệp có nhu cầu xây dựng $X nhưng chỉ tiêu mật độ xây dựng hiện hành không cho phép, trong khi quỹ đất còn trống khoảng $3 m².",
	      "đã chấp thuận điều chỉnh cục bộ quy hoạch để doanh nghiệp xây dựng $X" },
	    { "Đề nghị sớm công bố công khai quy hoạch sau rà soát tại $Z",
	      "Quy hoạch sau rà soát chưa được công bố, doanh nghiệp chưa có căn cứ lập dự án đầu tư xây dựng $X.",
	      "đã công bố công khai quy hoạch trên cổng thông tin điện tử và hướng dẫn doanh nghiệp lập dự án" },
	    { "Vướng mắc chỉ tiêu chiều cao công trình khi xây dựng $X",
	      "Chỉ tiêu chiều cao tối đa theo quy hoạch không phù hợp với dây chuyền công nghệ mới doanh nghiệp dự kiến lắp đặt tại $X.",
	      "đã tổng hợp, báo cáo UBND Thành phố phương án điều chỉnh chỉ tiêu chiều cao công trình" }),
	  L("Đề nghị xem xét điều chỉnh cục bộ quy hoạch, bảo đảm đồng bộ, không lãng phí.",
	    "Đề nghị cơ quan quản lý quy hoạch sớm có ý kiến để doanh nghiệp triển khai dự án."),
	  L("kho thành phẩm", "nhà xưởng số 2", "trung tâm nghiên cứu và phát triển", "nhà điều hành") },
	{ "ha-tang-trong", 8, "BQL", "SXD @",
	  T({ "Đề nghị chủ đầu tư hạ tầng sửa chữa $X tại $Z",
	      "Mặt đường $X đã xuống cấp, nhiều ổ gà, xe container ra vào khó khăn, tiềm ẩn nguy cơ tai nạn cho người lao động.",
	      "đã đôn đốc chủ đầu tư hạ tầng sửa chữa, thảm lại mặt đường $X" },
	    { "Kiến nghị về tình trạng ngập úng cục bộ tại $Z khi mưa lớn",
	      "Mỗi khi mưa lớn, $X ngập sâu 30–40 cm, hàng hóa không vận chuyển được và người lao động đi ca gặp nhiều khó khăn.",
	      "đã nạo vét, khơi thông hệ thống thoát nước dọc $X" },
	    { "Đề nghị bổ sung hệ thống chiếu sáng dọc $X",
	      "Dọc $X không có đèn chiếu sáng, người lao động tan ca đêm đi lại không bảo đảm an toàn.",
	      "đã lắp đặt bổ sung hệ thống chiếu sáng dọc $X" },
	    { "Kiến nghị xem xét phí sử dụng hạ tầng năm $Y",
	      "Phí sử dụng hạ tầng tăng khoảng $P% nhưng chất lượng dịch vụ hạ tầng trong khu chưa tương xứng.",
	      "đã làm việc với chủ đầu tư hạ tầng, giữ ổn định phí sử dụng hạ tầng năm $Y" }),
	  L("Đề nghị Ban Quản lý đôn đốc chủ đầu tư hạ tầng sớm khắc phục.",
	    "Đề nghị sớm có phương án xử lý, bảo đảm an toàn cho người lao động."),
	  L("tuyến đường nội bộ số 3", "tuyến đường trục chính", "đường vào cổng số 2", "đoạn đường trước nhà máy") },
	{ "ha-tang-ngoai", 6, "SXD SXD @", "STC @ BQL",
	  T({ "Đề nghị đẩy nhanh tiến độ thi công $X",
	      "Công trình $X thi công chậm so với tiến độ, gây ùn tắc vào giờ tan ca của khoảng $3 người lao động.",
	      "đã bố trí vốn và đẩy nhanh tiến độ thi công $X" },
	    { "Kiến nghị bố trí tuyến xe buýt phục vụ người lao động tại $Z",
	      "Khu vực chưa có tuyến xe buýt kết nối với trung tâm, người lao động phải tự túc phương tiện, nhiều người đã nghỉ việc.",
	      "đã mở tuyến xe buýt kết nối, bố trí giờ chạy phù hợp với các ca sản xuất" },
	    { "Kiến nghị cải tạo hệ thống thoát nước ngoài hàng rào $Z",
	      "Hệ thống thoát nước ngoài hàng rào chưa được đầu tư đồng bộ, nước từ khu dân cư tràn vào khu khi mưa lớn.",
	      "đã đưa hạng mục thoát nước ngoài hàng rào vào kế hoạch đầu tư công năm $Y" }),
	  L("Đề nghị UBND Thành phố chỉ đạo các sở, ngành đẩy nhanh tiến độ đầu tư hạ tầng kết nối.",
	    "Đề nghị các cơ quan chức năng sớm có giải pháp."),
	  L("đường gom phía Nam", "cầu vượt trước cổng khu", "nút giao với Đại lộ Thăng Long", "tuyến đường tỉnh kết nối") },
	{ "dien", 9, "EVNHN EVNHN EVNHN EVNHN BCT", "SCT BQL",
	  T({ "Kiến nghị bảo đảm cấp điện ổn định cho sản xuất tại $Z",
	      "Trong tháng qua, nhà máy bị mất điện đột xuất $1 lần, mỗi lần kéo dài từ 30 phút đến 2 giờ, gây hư hỏng sản phẩm đang gia công và thiết bị.",
	      "đã cải tạo $X, bổ sung mạch vòng dự phòng, bảo đảm cấp điện ổn định" },
	    { "Đề nghị thông báo trước lịch cắt điện theo kế hoạch",
	      "Lịch cắt điện để bảo dưỡng lưới được thông báo muộn, doanh nghiệp không kịp bố trí lại ca sản xuất cho $2 lao động.",
	      "đã chấn chỉnh việc thông báo, cam kết gửi lịch cắt điện trước ít nhất 05 ngày" },
	    { "Đề nghị nâng công suất $X",
	      "Nhu cầu phụ tải của doanh nghiệp tăng do đầu tư dây chuyền sản xuất mới, công suất $X hiện có không đáp ứng.",
	      "đã hoàn thành nâng công suất $X" },
	    { "Vướng mắc thủ tục đấu nối hệ thống điện mặt trời áp mái",
	      "Hồ sơ đấu nối hệ thống điện mặt trời áp mái tự sản, tự tiêu nộp từ ngày $D chưa được giải quyết.",
	      "đã hướng dẫn và hoàn thành thủ tục đấu nối hệ thống điện mặt trời áp mái" },
	    { "Phản ánh điện áp không ổn định vào giờ cao điểm tại $Z",
	      "Điện áp dao động thường xuyên vào giờ cao điểm khiến dây chuyền tự động dừng, thiệt hại ước khoảng $M.",
	      "đã lắp đặt thiết bị bù, ổn định điện áp cấp cho doanh nghiệp" }),
	  L("Đề nghị EVN Hà Nội kiểm tra, có giải pháp bảo đảm cấp điện ổn định.",
	    "Đề nghị ngành điện sớm giải quyết để doanh nghiệp ổn định sản xuất."),
	  L("trạm biến áp 110 kV cấp cho khu", "đường dây 22 kV cấp cho nhà máy", "trạm biến áp 2.500 kVA của nhà máy") },
	{ "nuoc", 4, "NSHN", "SXD BQL",
	  T({ "Kiến nghị về áp lực nước sạch yếu tại $Z",
	      "Từ ngày $D, áp lực nước sạch cấp vào nhà máy giảm mạnh vào giờ cao điểm, không đủ cho sản xuất và sinh hoạt của $2 lao động.",
	      "đã thay thế tuyến ống, bảo đảm áp lực nước cấp cho doanh nghiệp" },
	    { "Đề nghị đấu nối nước sạch cho $X",
	      "Doanh nghiệp đã đăng ký đấu nối nước sạch cho $X nhưng sau $1 tuần vẫn chưa được thi công.",
	      "đã hoàn thành đấu nối nước sạch cho $X" },
	    { "Phản ánh chất lượng nước sạch cấp cho nhà máy",
	      "Nước sạch có hiện tượng đục, cặn sau mỗi lần sửa chữa đường ống, ảnh hưởng đến dây chuyền sản xuất.",
	      "đã súc xả đường ống và kiểm tra chất lượng nước đạt quy chuẩn" }),
	  L("Đề nghị Công ty Nước sạch Hà Nội kiểm tra, sớm khắc phục.",
	    "Đề nghị đơn vị cấp nước bảo đảm cấp nước ổn định cho doanh nghiệp."),
	  L("nhà xưởng mở rộng", "khu nhà ăn của người lao động", "ký túc xá công nhân") },
	{ "vien-thong", 3, "VNPTHN", "SKHCN",
	  T({ "Đề nghị nâng cấp hạ tầng cáp quang tại $Z",
	      "Đường truyền Internet của doanh nghiệp bị gián đoạn $1 lần trong tháng, ảnh hưởng đến kết nối với công ty mẹ và $X.",
	      "đã nâng cấp tuyến cáp quang, bảo đảm đường truyền ổn định cho doanh nghiệp" },
	    { "Phản ánh chất lượng sóng di động yếu tại $Z",
	      "Sóng di động trong khu yếu, nhiều vị trí trong nhà xưởng không thể liên lạc.",
	      "đã lắp đặt thêm trạm phát sóng, cải thiện chất lượng sóng di động trong khu" },
	    { "Đề nghị hỗ trợ đường truyền dự phòng cho $X",
	      "Doanh nghiệp vận hành $X cần đường truyền tốc độ cao và dự phòng nhưng hạ tầng hiện có chưa đáp ứng.",
	      "đã bổ sung đường truyền dự phòng cho $X của doanh nghiệp" }),
	  L("Đề nghị doanh nghiệp viễn thông nâng cấp hạ tầng, bảo đảm chất lượng dịch vụ.",
	    "Đề nghị Sở Khoa học và Công nghệ đôn đốc các nhà mạng khắc phục."),
	  L("trung tâm dữ liệu", "hệ thống quản trị sản xuất", "phòng nghiên cứu và phát triển") },
	{ "moi-truong", 7, "SNNMT SNNMT BQL", "BQL CATP",
	  T({ "Vướng mắc thủ tục cấp giấy phép môi trường cho dự án mở rộng",
	      "Hồ sơ đề nghị cấp giấy phép môi trường nộp từ ngày $D đã phải chỉnh sửa $1 lần theo ý kiến khác nhau của các đơn vị thẩm định.",
	      "đã cấp giấy phép môi trường cho dự án mở rộng của doanh nghiệp" },
	    { "Phản ánh ô nhiễm mùi từ $X",
	      "Khu vực $X phát sinh mùi khó chịu, ảnh hưởng đến sức khỏe của khoảng $2 người lao động.",
	      "đã kiểm tra, yêu cầu khắc phục nguồn gây mùi tại $X" },
	    { "Kiến nghị về thu gom chất thải công nghiệp nguy hại tại $Z",
	      "Khu chưa có đơn vị thu gom chất thải nguy hại ổn định, doanh nghiệp phải lưu giữ quá thời hạn cho phép.",
	      "đã giới thiệu đơn vị đủ năng lực thu gom, xử lý chất thải nguy hại" },
	    { "Đề nghị hướng dẫn lắp đặt quan trắc nước thải tự động",
	      "Doanh nghiệp thuộc đối tượng phải quan trắc nước thải tự động, liên tục nhưng chưa được hướng dẫn về thiết bị và cách truyền số liệu.",
	      "đã hướng dẫn doanh nghiệp lắp đặt thiết bị và kết nối truyền số liệu quan trắc tự động" }),
	  L("Đề nghị Sở Nông nghiệp và Môi trường hướng dẫn thống nhất và sớm giải quyết.",
	    "Đề nghị cơ quan chức năng kiểm tra, xử lý dứt điểm."),
	  L("trạm xử lý nước thải tập trung", "bãi tập kết rác ngoài hàng rào", "cơ sở sản xuất lân cận") },
	{ "pccc", 9, "CATP", "BQL SXD",
	  T({ "Vướng mắc thẩm duyệt thiết kế phòng cháy chữa cháy cho $X",
	      "Hồ sơ thẩm duyệt thiết kế phòng cháy chữa cháy cho $X nộp từ ngày $D chưa có kết quả, công trình không thể đưa vào sử dụng.",
	      "đã thẩm duyệt thiết kế phòng cháy chữa cháy cho $X" },
	    { "Đề nghị sớm nghiệm thu phòng cháy chữa cháy $X",
	      "Doanh nghiệp đã hoàn thành thi công hệ thống phòng cháy chữa cháy $X từ ngày $D nhưng chưa được tổ chức nghiệm thu.",
	      "đã tổ chức nghiệm thu phòng cháy chữa cháy $X" },
	    { "Kiến nghị về yêu cầu cải tạo hệ thống phòng cháy chữa cháy theo QCVN 06:2022/BXD",
	      "Nhà xưởng xây dựng trước năm 2020 phải cải tạo theo quy chuẩn mới, chi phí ước khoảng $M, vượt khả năng của doanh nghiệp.",
	      "đã hướng dẫn doanh nghiệp lập phương án cải tạo theo lộ trình phù hợp" },
	    { "Đề nghị bổ sung trụ nước chữa cháy tại $Z",
	      "Trong khu còn thiếu trụ nước chữa cháy, áp lực nước không bảo đảm cho công tác chữa cháy.",
	      "đã phối hợp chủ đầu tư hạ tầng lắp bổ sung trụ nước chữa cháy" }),
	  L("Đề nghị Công an Thành phố hướng dẫn cụ thể và sớm giải quyết cho doanh nghiệp.",
	    "Đề nghị cơ quan cảnh sát phòng cháy, chữa cháy tạo điều kiện để doanh nghiệp sớm đưa công trình vào hoạt động."),
	  L("nhà xưởng mở rộng", "kho hóa chất", "nhà kho cao tầng", "khu ký túc xá công nhân") },
	{ "logistics", 4, "SCT SCT BCT", "SXD BQL",
	  T({ "Đề nghị phân luồng giao thông cho xe container ra vào $Z",
	      "Xe container chỉ được lưu thông theo khung giờ hạn chế, hàng xuất khẩu thường xuyên trễ lịch tàu.",
	      "đã phối hợp điều chỉnh phân luồng, mở rộng khung giờ cho xe container" },
	    { "Chi phí vận chuyển hàng xuất khẩu qua cảng Hải Phòng tăng cao",
	      "Chi phí logistics chiếm khoảng $P% giá thành sản phẩm, cao hơn nhiều so với các tỉnh lân cận.",
	      "đã tổ chức kết nối doanh nghiệp với các đơn vị vận tải, giảm chi phí vận chuyển" },
	    { "Kiến nghị phát triển $X gần $Z",
	      "Khu vực chưa có $X, doanh nghiệp phải thuê kho bãi cách nhà máy khoảng $2 km.",
	      "đã đưa dự án $X vào danh mục kêu gọi đầu tư của Thành phố" }),
	  L("Đề nghị Sở Công Thương nghiên cứu, tháo gỡ cho doanh nghiệp.",
	    "Đề nghị cơ quan chức năng xem xét, có giải pháp hỗ trợ."),
	  L("kho ngoại quan", "cảng cạn (ICD)", "kho lạnh", "bãi đỗ xe container") },
	{ "lao-dong", 6, "SNV SNV BQL", "BQL",
	  T({ "Khó khăn tuyển dụng lao động kỹ thuật tại $Z",
	      "Doanh nghiệp cần tuyển thêm khoảng $2 lao động kỹ thuật cho $X nhưng nguồn cung tại địa phương không đáp ứng.",
	      "đã tổ chức phiên giao dịch việc làm chuyên đề, kết nối cung ứng lao động cho doanh nghiệp" },
	    { "Vướng mắc thủ tục cấp giấy phép lao động cho $1 chuyên gia nước ngoài",
	      "Hồ sơ cấp giấy phép lao động cho các chuyên gia nộp từ ngày $D bị yêu cầu bổ sung giấy tờ hợp pháp hóa lãnh sự nhiều lần.",
	      "đã cấp giấy phép lao động cho các chuyên gia của doanh nghiệp" },
	    { "Đề nghị hỗ trợ đào tạo nguồn nhân lực chất lượng cao",
	      "Doanh nghiệp đầu tư $X cần đội ngũ kỹ sư, kỹ thuật viên được đào tạo bài bản nhưng chưa tìm được cơ sở đào tạo phù hợp.",
	      "đã kết nối doanh nghiệp với các trường đại học, cơ sở giáo dục nghề nghiệp để đặt hàng đào tạo" },
	    { "Đề nghị hướng dẫn chính sách hỗ trợ người lao động",
	      "Người lao động phản ánh chưa được hướng dẫn đầy đủ chính sách hỗ trợ khi doanh nghiệp giảm giờ làm.",
	      "đã hướng dẫn doanh nghiệp và người lao động thực hiện chính sách hỗ trợ" }),
	  L("Đề nghị Sở Nội vụ hỗ trợ, tháo gỡ cho doanh nghiệp.",
	    "Đề nghị các cơ quan chức năng xem xét, hướng dẫn."),
	  L("dây chuyền lắp ráp mới", "phân xưởng khuôn mẫu", "bộ phận bảo trì") },
	{ "nha-o", 5, "SXD SXD BQL", "BQL @",
	  T({ "Đề nghị bố trí quỹ đất xây dựng nhà ở cho người lao động tại $Z",
	      "Khoảng $3 công nhân của doanh nghiệp đang thuê trọ tự phát quanh khu, điều kiện sinh hoạt chật chội, thiếu an toàn.",
	      "đã bố trí quỹ đất và đưa dự án $X vào kế hoạch phát triển nhà ở năm $Y" },
	    { "Kiến nghị sớm triển khai dự án nhà ở xã hội cho công nhân gần $Z",
	      "Dự án nhà ở xã hội gần khu đã được phê duyệt nhưng chưa khởi công, người lao động không có chỗ ở ổn định.",
	      "đã đôn đốc chủ đầu tư khởi công dự án nhà ở xã hội gần khu" },
	    { "Đề nghị xây dựng thiết chế công đoàn cho người lao động tại $Z",
	      "Khu vực chưa có nhà trẻ, điểm sinh hoạt văn hóa cho con em và người lao động.",
	      "đã phối hợp Liên đoàn Lao động thành phố đưa thiết chế công đoàn vào danh mục đầu tư" }),
	  L("Đề nghị Thành phố sớm bố trí quỹ đất và kêu gọi đầu tư nhà ở cho người lao động.",
	    "Đề nghị Sở Xây dựng đẩy nhanh tiến độ các dự án nhà ở xã hội."),
	  L("ký túc xá công nhân", "khu nhà ở xã hội cho người lao động") },
	{ "thue", 8, "CT CT CT STC", "STC BQL",
	  T({ "Đề nghị đẩy nhanh hoàn thuế giá trị gia tăng cho hàng xuất khẩu",
	      "Hồ sơ đề nghị hoàn thuế giá trị gia tăng với số tiền khoảng $M nộp từ ngày $D nhưng chưa được giải quyết, ảnh hưởng đến dòng tiền của doanh nghiệp.",
	      "đã giải quyết hồ sơ hoàn thuế giá trị gia tăng cho doanh nghiệp" },
	    { "Vướng mắc áp dụng ưu đãi thuế thu nhập doanh nghiệp cho dự án tại $Z",
	      "Cơ quan thuế và doanh nghiệp chưa thống nhất cách xác định thu nhập được hưởng ưu đãi đối với $X.",
	      "đã có văn bản hướng dẫn áp dụng ưu đãi thuế đối với $X" },
	    { "Kiến nghị gia hạn nộp thuế và tiền thuê đất năm $Y",
	      "Doanh thu giảm khoảng $P% so với cùng kỳ, doanh nghiệp gặp khó khăn trong việc nộp thuế đúng hạn.",
	      "đã gia hạn thời hạn nộp thuế và tiền thuê đất theo chính sách hiện hành" },
	    { "Đề nghị hướng dẫn lập hóa đơn điện tử cho $X",
	      "Doanh nghiệp chưa rõ cách lập hóa đơn điện tử đối với $X, dễ bị xử phạt khi quyết toán.",
	      "đã hướng dẫn doanh nghiệp lập hóa đơn điện tử đối với $X" }),
	  L("Đề nghị cơ quan thuế sớm giải quyết cho doanh nghiệp.",
	    "Đề nghị có văn bản hướng dẫn thống nhất để doanh nghiệp thực hiện."),
	  L("hàng gia công xuất khẩu", "hoạt động nghiên cứu và phát triển", "sản phẩm công nghệ cao") },
	{ "gpmb", 5, "@ @ @ BQL", "SNNMT STC BQL",
	  T({ "Đề nghị đẩy nhanh giải phóng mặt bằng $X tại $Z",
	      "Còn khoảng $3 m² thuộc $X chưa được bàn giao do $1 hộ dân chưa nhận tiền bồi thường, ảnh hưởng đến tiến độ xây dựng nhà máy.",
	      "đã hoàn thành giải phóng mặt bằng và bàn giao $X cho doanh nghiệp" },
	    { "Kiến nghị bàn giao mặt bằng sạch theo cam kết",
	      "Doanh nghiệp đã ứng trước khoảng $M tiền bồi thường từ ngày $D nhưng mặt bằng vẫn chưa được bàn giao.",
	      "đã bàn giao mặt bằng sạch và hoàn trả tiền ứng trước cho doanh nghiệp theo quy định" },
	    { "Vướng mắc bồi thường, hỗ trợ tái định cư liên quan đến dự án của doanh nghiệp",
	      "Phương án bồi thường, hỗ trợ chưa được phê duyệt do vướng mắc xác định nguồn gốc đất.",
	      "đã phê duyệt phương án bồi thường, hỗ trợ và chi trả cho các hộ dân" }),
	  L("Đề nghị UBND xã phối hợp với các sở, ngành tập trung giải phóng mặt bằng, bàn giao cho doanh nghiệp.",
	    "Đề nghị xây dựng lộ trình giải phóng mặt bằng cụ thể, coi đây là nhiệm vụ trọng tâm của địa phương."),
	  L("phần diện tích phía Tây dự án", "tuyến đường vào nhà máy", "hành lang hạ tầng kỹ thuật") },
	{ "khac", 4, "BQL BQL SCT", "SCT STC",
	  T({ "Đề nghị hỗ trợ kết nối cung ứng với doanh nghiệp FDI",
	      "Doanh nghiệp sản xuất $X muốn trở thành nhà cung ứng cho các tập đoàn đa quốc gia nhưng chưa có kênh kết nối.",
	      "đã giới thiệu doanh nghiệp tham gia Hội chợ triển lãm chuyên ngành công nghiệp hỗ trợ năm $Y" },
	    { "Kiến nghị về an ninh trật tự khu vực cổng $Z",
	      "Khu vực cổng thường xuyên có hàng quán lấn chiếm lòng đường, mất an ninh trật tự vào giờ tan ca.",
	      "đã phối hợp chính quyền địa phương lập lại trật tự khu vực cổng" },
	    { "Đề nghị hỗ trợ chuyển đổi số cho doanh nghiệp nhỏ và vừa",
	      "Doanh nghiệp cần hỗ trợ tư vấn, đào tạo để áp dụng hệ thống quản trị sản xuất đạt tiêu chuẩn quốc tế.",
	      "đã đưa doanh nghiệp vào chương trình hỗ trợ chuyển đổi số của Thành phố" }),
	  L("Kính đề nghị Ban Quản lý xem xét, hỗ trợ doanh nghiệp.",
	    "Đề nghị Ban Quản lý tổng hợp, báo cáo UBND Thành phố xem xét."),
	  L("linh kiện điện tử", "phụ tùng ô tô", "bao bì kỹ thuật", "khuôn mẫu chính xác") },
};
const size_t demo_ncategories = COUNT(demo_categories);

const struct demo_category *demo_category_find(const char *code)
{
	for (size_t i = 0; i < demo_ncategories; i++)
		if (strcmp(demo_categories[i].code, code) == 0)
			return &demo_categories[i];
	return &demo_categories[demo_ncategories - 1];
}

size_t demo_topic_count(const struct demo_category *c)
{
	size_t n = 0;
	while (c->topics[n].title)
		n++;
	return n;
}

/* ---- answers, feedback, exits ---- */

static const char *const results_resolved[] = {
	"$A đã chủ trì, phối hợp với các đơn vị liên quan và $F. Vướng mắc của doanh nghiệp đã được tháo gỡ.",
	"$A $F; kết quả đã được thông báo bằng văn bản số $S/$C cho doanh nghiệp.",
	"Thực hiện ý kiến chỉ đạo của UBND Thành phố, $A $F.",
	NULL,
};
static const char *const results_partly[] = {
	"$A $F; phần nội dung còn lại cần báo cáo UBND Thành phố xem xét, dự kiến hoàn thành trong năm $Y.",
	"$A đã giải quyết một phần kiến nghị: $F. Nội dung còn lại tiếp tục được theo dõi, đôn đốc.",
	NULL,
};
static const char *const results_explained[] = {
	"$A đã có văn bản số $S/$C trả lời, giải thích và hướng dẫn doanh nghiệp thực hiện theo quy định hiện hành.",
	"$A đã làm việc trực tiếp với doanh nghiệp, giải thích căn cứ pháp lý và hướng dẫn trình tự thực hiện.",
	NULL,
};
static const char *const results_declined[] = {
	"Kiến nghị chưa có cơ sở để chấp nhận do không phù hợp với quy định của pháp luật hiện hành; $A đã có văn bản số $S/$C trả lời doanh nghiệp.",
	"Nội dung kiến nghị vượt quá khả năng cân đối ngân sách trong năm $Y; $A đã trả lời doanh nghiệp.",
	NULL,
};
const char *const *const demo_results[4] = { results_resolved, results_partly, results_explained,
	                                     results_declined };

static const char *const feedback_1[] = {
	"Không hài lòng với kết quả trả lời, đề nghị xem xét lại.",
	"Không hài lòng, vướng mắc vẫn chưa được tháo gỡ.",
	NULL,
};
static const char *const feedback_2[] = {
	"Chưa hài lòng: thời gian xử lý kéo dài, doanh nghiệp phải liên hệ nhiều lần.",
	"Câu trả lời chưa giải quyết được vướng mắc thực tế của doanh nghiệp.",
	NULL,
};
static const char *const feedback_3[] = {
	"Tạm chấp nhận, tuy nhiên thời gian xử lý còn dài.",
	"Kết quả mới giải quyết được một phần khó khăn của doanh nghiệp.",
	NULL,
};
static const char *const feedback_4[] = {
	"Hài lòng với kết quả giải quyết.",
	"Hài lòng; đề nghị tiếp tục theo dõi để vướng mắc không tái diễn.",
	"Kết quả đáp ứng cơ bản yêu cầu của doanh nghiệp.",
	NULL,
};
static const char *const feedback_5[] = {
	"Rất hài lòng, kiến nghị được giải quyết nhanh chóng, đúng hẹn.",
	"Cảm ơn Ban Quản lý và các sở, ngành đã đồng hành cùng doanh nghiệp.",
	"Rất hài lòng với tinh thần phục vụ của cán bộ xử lý.",
	NULL,
};
const char *const *const demo_feedback[5] = { feedback_1, feedback_2, feedback_3, feedback_4, feedback_5 };

const struct demo_rejection demo_rejections[] = {
	{ "Đề nghị hỗ trợ thu hồi công nợ từ đối tác",
	  "Đối tác chậm thanh toán khoảng $M tiền hàng theo hợp đồng đã ký, doanh nghiệp đã nhiều lần đôn đốc từ ngày $D nhưng không có kết quả.",
	  "khac",
	  "Nội dung kiến nghị là tranh chấp hợp đồng kinh tế giữa các doanh nghiệp, không thuộc thẩm quyền giải quyết của Ban Quản lý.",
	  "Tòa án nhân dân hoặc trung tâm trọng tài thương mại có thẩm quyền" },
	{ "Đề nghị hỗ trợ cơ cấu lại thời hạn trả nợ khoản vay",
	  "Doanh nghiệp gặp khó khăn về dòng tiền, đề nghị được cơ cấu lại thời hạn trả nợ khoản vay khoảng $M tại ngân hàng thương mại.",
	  "khac",
	  "Kiến nghị liên quan đến khoản vay tại ngân hàng thương mại, không thuộc phạm vi tiếp nhận của Ban Quản lý.",
	  "Ngân hàng Nhà nước Việt Nam – Chi nhánh Khu vực 1" },
	{ "Đề nghị giải quyết vướng mắc thủ tục hải quan đối với lô hàng nhập khẩu",
	  "Lô nguyên liệu nhập khẩu của doanh nghiệp bị kiểm tra thực tế kéo dài, chậm thông quan từ ngày $D.",
	  "logistics",
	  "Kiến nghị về thủ tục hải quan thuộc thẩm quyền giải quyết của cơ quan hải quan.",
	  "Chi cục Hải quan khu vực I" },
	{ "Phản ánh việc chậm chốt sổ bảo hiểm xã hội cho người lao động",
	  "Một số người lao động đã nghỉ việc phản ánh chưa được chốt sổ bảo hiểm xã hội, ảnh hưởng đến việc hưởng trợ cấp.",
	  "lao-dong",
	  "Nội dung thuộc thẩm quyền giải quyết của cơ quan bảo hiểm xã hội.",
	  "Bảo hiểm xã hội thành phố Hà Nội" },
	{ "Đề nghị đẩy nhanh tiến độ xử lý kiến nghị đã gửi",
	  "Doanh nghiệp gửi lại nội dung đã kiến nghị trước đó để đề nghị đẩy nhanh tiến độ giải quyết.",
	  NULL,
	  "Nội dung trùng với kiến nghị doanh nghiệp đã gửi và đang được xử lý.",
	  "Kiến nghị đã gửi trước đó (theo dõi tiến độ tại Ban Quản lý)" },
	{ "Đề nghị hỗ trợ mặt bằng sản xuất cho cơ sở tại cụm công nghiệp làng nghề",
	  "Cơ sở sản xuất của doanh nghiệp tại cụm công nghiệp làng nghề gặp khó khăn về mặt bằng và hạ tầng.",
	  "khac",
	  "Cơ sở sản xuất không nằm trong khu công nghiệp, khu công nghệ cao do Ban Quản lý quản lý.",
	  "UBND xã, phường nơi doanh nghiệp đặt cơ sở sản xuất" },
};
const size_t demo_nrejections = COUNT(demo_rejections);

const char *const demo_withdrawals[] = {
	"Doanh nghiệp có văn bản rút kiến nghị do đã tự khắc phục được vướng mắc.",
	"Vướng mắc đã được giải đáp trực tiếp tại hội nghị đối thoại, doanh nghiệp đề nghị rút kiến nghị.",
	"Doanh nghiệp điều chỉnh kế hoạch đầu tư, không còn nhu cầu.",
	NULL,
};

const char *const demo_extension_reasons[] = {
	"Nội dung liên ngành, cần lấy ý kiến của các sở, ngành liên quan.",
	"Chờ kết quả kiểm tra hiện trường.",
	"Cần báo cáo UBND Thành phố xem xét, cho ý kiến chỉ đạo.",
	"Doanh nghiệp bổ sung hồ sơ, tài liệu theo yêu cầu.",
	"Chờ ý kiến của bộ, ngành trung ương.",
	NULL,
};

const char *const demo_conference_intro = "Kiến nghị gửi Hội nghị đối thoại với doanh nghiệp ngày $K.";
const char *const demo_conference_title = "Hội nghị đối thoại với doanh nghiệp các khu công nghệ cao và khu công nghiệp";
const char *const demo_conference_themes[] = {
	"Tháo gỡ khó khăn về đất đai, xây dựng và hạ tầng khu công nghiệp",
	"Điện, nước, môi trường và phòng cháy chữa cháy",
	"Thủ tục đầu tư, lao động và xuất nhập khẩu",
	"Thuế, hải quan và tiếp cận vốn cho doanh nghiệp",
	NULL,
};
const char *const demo_conference_chairs[] = {
	"Phó Chủ tịch UBND thành phố Hà Nội",
	"Trưởng ban Ban Quản lý các Khu công nghệ cao và Khu công nghiệp thành phố Hà Nội",
	NULL,
};
const char *const demo_conference_place = "Hội trường Ban Quản lý các Khu công nghệ cao và Khu công nghiệp";

const char *const demo_positions[] = {
	"chuyên viên", "chuyên viên chính", "Phó Trưởng phòng", "Trưởng phòng", NULL,
};

size_t demo_count(const char *const *list)
{
	size_t n = 0;
	while (list && list[n])
		n++;
	return n;
}

/* ---- generated names ---- */

static const char *const foreign_brands[] = {
	"Aozora", "Hinode", "Kurobe", "Nishikaze", "Yamabuki", "Shirakawa", "Tokiwa", "Asahina",
	"Kiyomizu", "Sakuragawa", "Hoshizora", "Kazemori", "Takanori", "Fujikawa", "Ootaki", "Isogawa",
	"Kamisato", "Tsukimi", "Hanbit", "Saebyeok", "Daon", "Gaon", "Narae", "Haneul",
	"Bitna", "Sejin", "Miraen", "Jinseong", "Heng Yuan", "Jia Xin", "Rong Tai", "Lianfu",
	"Nordvik", "Albrecht", "Velden", "Marisol", "Brennan", "Kestrel", "Lindqvist", "Orvano",
};
static const char *const foreign_trades[] = {
	"Precision", "Electronics", "Seiko", "Techno", "Mold", "Parts", "Components", "Plastics",
	"Optical", "Packaging", "Automotive", "Semiconductor", "Medical", "Materials", "Denki", "Industries",
};
static const char *const foreign_suffixes[] = { "Việt Nam", "Vina", "Hà Nội" };

static const char *const domestic_kinds[] = { "Công ty TNHH", "Công ty Cổ phần" };
static const char *const domestic_trades[] = {
	"Cơ khí Chính xác", "Điện tử", "Nhựa", "Bao bì", "Dược phẩm", "Thực phẩm", "Linh kiện Ô tô",
	"Khuôn mẫu", "Vật liệu Xây dựng", "Thiết bị Điện", "May mặc", "Công nghệ Phần mềm",
	"Tự động hóa", "Hóa chất", "Cao su Kỹ thuật", "In ấn", "Nội thất", "Kết cấu Thép", "Cơ điện lạnh",
	"Thiết bị Y tế", "Vi mạch Bán dẫn", "Dịch vụ Logistics", "Năng lượng Mới", "Gốm sứ Kỹ thuật",
	"Công nghệ Sinh học", "Mỹ phẩm", "Dây và Cáp điện", "Sơn", "Kính", "Đồ uống",
};
static const char *const domestic_brands[] = {
	"An Phát", "Minh Long", "Hòa Bình", "Thành Công", "Phú Thịnh", "Hưng Thịnh", "Tân Tiến",
	"Đại Việt", "Sao Mai", "Thăng Long", "Hồng Hà", "Kim Ngân", "Việt Hưng", "Trường Sơn",
	"Nam Việt", "Đông Á", "Bình Minh", "Quang Trung", "Hải Âu", "Phúc An", "Thái Bình Dương",
	"Ánh Dương", "Toàn Cầu", "Vạn Xuân", "Tiến Đạt", "Thịnh Phát", "Gia Bảo", "Hoàng Long",
	"Tràng An", "Sông Đà", "Phương Nam", "Lạc Hồng", "Đức Minh", "Hà Thành", "Bảo Tín", "Mê Linh",
	"Ba Vì", "Tây Hồ", "Kinh Bắc", "Long Biên", "Hồng Phát", "Tân Phú", "Việt Tiến", "Đông Đô",
	"Bắc Hà", "Sơn Tây", "Phú Gia", "Quốc Thái", "Thiên Long", "An Khang", "Hưng Long", "Trí Việt",
	"Nhật Minh", "Hoa Sen", "Thành Đạt", "Vĩnh Phúc", "Tam Đảo", "Hồng Lĩnh", "Vân Nam", "Đất Việt",
};

size_t demo_enterprise_space(bool foreign)
{
	return foreign ? COUNT(foreign_brands) * COUNT(foreign_trades) * COUNT(foreign_suffixes)
	               : COUNT(domestic_kinds) * COUNT(domestic_trades) * COUNT(domestic_brands);
}

void demo_enterprise_name(bool foreign, size_t idx, char *buf, size_t cap)
{
	if (foreign) {
		size_t b = idx % COUNT(foreign_brands), t = idx / COUNT(foreign_brands) % COUNT(foreign_trades);
		size_t s = idx / COUNT(foreign_brands) / COUNT(foreign_trades) % COUNT(foreign_suffixes);
		snprintf(buf, cap, "Công ty TNHH %s %s %s", foreign_brands[b], foreign_trades[t], foreign_suffixes[s]);
	} else {
		size_t b = idx % COUNT(domestic_brands), t = idx / COUNT(domestic_brands) % COUNT(domestic_trades);
		size_t k = idx / COUNT(domestic_brands) / COUNT(domestic_trades) % COUNT(domestic_kinds);
		snprintf(buf, cap, "%s %s %s", domestic_kinds[k], domestic_trades[t], domestic_brands[b]);
	}
}

static const char *const surnames[] = {
	"Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi",
	"Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Phan",
};
static const char *const middles_m[] = { "Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Xuân", "Mạnh" };
static const char *const middles_f[] = { "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Phương", "Thùy", "Hồng" };
static const char *const givens_m[] = {
	"Anh", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy",
	"Khánh", "Long", "Minh", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Tuấn", "Việt",
};
static const char *const givens_f[] = {
	"Anh", "Chi", "Giang", "Hà", "Hằng", "Hạnh", "Hoa", "Hương", "Lan", "Linh",
	"Mai", "Nga", "Ngọc", "Nhung", "Phương", "Quỳnh", "Thảo", "Trang", "Vân", "Yến",
};

void demo_person_name(uint64_t x, bool *female, char *buf, size_t cap)
{
	bool f = (x & 1) != 0;
	x >>= 1;
	const char *sur = surnames[x % COUNT(surnames)];
	x /= COUNT(surnames);
	const char *mid = f ? middles_f[x % COUNT(middles_f)] : middles_m[x % COUNT(middles_m)];
	x /= COUNT(middles_f);
	const char *giv = f ? givens_f[x % COUNT(givens_f)] : givens_m[x % COUNT(givens_m)];
	snprintf(buf, cap, "%s %s %s", sur, mid, giv);
	if (female)
		*female = f;
}

/* ---- filling templates ---- */

size_t demo_append(char *buf, size_t cap, size_t len, const char *s)
{
	size_t n = strlen(s);
	if (len + n >= cap) {
		n = cap - 1 - len;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--; /* never split a character */
	}
	memcpy(buf + len, s, n);
	buf[len + n] = '\0';
	return len + n;
}

/* 1234 → "1.234" (Vietnamese digit grouping), for n < 1.000.000. */
static void group_thousands(unsigned n, char *out, size_t cap)
{
	if (n >= 1000)
		snprintf(out, cap, "%u.%03u", n / 1000, n % 1000);
	else
		snprintf(out, cap, "%u", n);
}

/* The text of slot c, or NULL when c is not a slot letter. */
static const char *slot(char c, const struct demo_slots *s, struct demo_rng *r, char *tmp, size_t cap)
{
	switch (c) {
	case 'Z': return s->zone ? s->zone : "khu công nghiệp";
	case 'X': return s->item ? s->item : "";
	case 'F': return s->fix ? s->fix : "";
	case 'A': return s->agency ? s->agency : "";
	case 'C': return s->agency_code ? s->agency_code : "";
	case 'D': return date_vn(s->earlier, tmp);
	case 'K': return date_vn(s->conference, tmp);
	case 'Y': snprintf(tmp, cap, "%d", s->year); return tmp;
	case '1': snprintf(tmp, cap, "%u", 2 + demo_below(r, 8)); return tmp;
	case '2': snprintf(tmp, cap, "%u", 10 * (2 + demo_below(r, 47))); return tmp;
	case '3': group_thousands(50 * (10 + demo_below(r, 91)), tmp, cap); return tmp;
	case 'P': snprintf(tmp, cap, "%u", 10 + demo_below(r, 51)); return tmp;
	case 'S': snprintf(tmp, cap, "%u", 100 + demo_below(r, 4900)); return tmp;
	case 'M': {
		unsigned tenths = 3 + demo_below(r, 248);
		snprintf(tmp, cap, "%u,%u tỷ đồng", tenths / 10, tenths % 10);
		return tmp;
	}
	default: return NULL;
	}
}

size_t demo_fill(char *buf, size_t cap, size_t len, const char *t, const struct demo_slots *s,
                 struct demo_rng *r)
{
	char tmp[48];
	while (*t && len + 1 < cap) {
		const char *dollar = strchr(t, '$');
		size_t run = dollar ? (size_t)(dollar - t) : strlen(t);
		if (run) {
			char piece[512];
			size_t k = run < sizeof piece ? run : sizeof piece - 1;
			memcpy(piece, t, k);
			piece[k] = '\0';
			len = demo_append(buf, cap, len, piece);
			t += k;
			continue;
		}
		const char *v = slot(t[1], s, r, tmp, sizeof tmp);
		len = demo_append(buf, cap, len, v ? v : "$");
		t += v ? 2 : 1;
	}
	return len;
}

/* ---- self-check ---- */

static bool clean(const char *s)
{
	char *out = NULL;
	bool ok = text_clean(s, strlen(s), TEXT_BODY, SIZE_MAX, &out, NULL) == TEXT_OK && strcmp(out, s) == 0;
	free(out);
	return ok;
}

/* The first n strings of list, or all of a NULL-terminated list (n 0). */
static bool clean_list_n(const char *const *list, size_t n, const char **bad)
{
	for (size_t i = 0; list && (n ? i < n : list[i] != NULL); i++) {
		if (!clean(list[i])) {
			*bad = list[i];
			return false;
		}
	}
	return true;
}

static bool clean_list(const char *const *list, const char **bad)
{
	return clean_list_n(list, 0, bad);
}

bool demo_data_check(const char **bad)
{
	for (size_t i = 0; i < demo_ncategories; i++) {
		const struct demo_category *c = &demo_categories[i];
		for (size_t t = 0; c->topics[t].title; t++) {
			const char *parts[] = { c->topics[t].title, c->topics[t].problem, c->topics[t].fix };
			if (!clean_list_n(parts, 3, bad))
				return false;
		}
		if (!clean_list(c->asks, bad) || !clean_list(c->items, bad))
			return false;
	}
	for (size_t i = 0; i < 4; i++)
		if (!clean_list(demo_results[i], bad))
			return false;
	for (size_t i = 0; i < 5; i++)
		if (!clean_list(demo_feedback[i], bad))
			return false;
	for (size_t i = 0; i < demo_nrejections; i++) {
		const struct demo_rejection *j = &demo_rejections[i];
		const char *parts[] = { j->title, j->body, j->reason, j->refer_to };
		if (!clean_list_n(parts, 4, bad))
			return false;
	}
	for (size_t i = 0; i < demo_nzones; i++) {
		if (!clean(demo_zones[i].short_name)) {
			*bad = demo_zones[i].short_name;
			return false;
		}
	}
	const char *conf[] = { demo_conference_intro, demo_conference_title, demo_conference_place };
	if (!clean_list_n(conf, COUNT(conf), bad) || !clean_list(demo_conference_themes, bad) ||
	    !clean_list(demo_conference_chairs, bad))
		return false;
	return clean_list(demo_withdrawals, bad) && clean_list(demo_extension_reasons, bad) &&
	       clean_list(demo_positions, bad) && clean_list_n(surnames, COUNT(surnames), bad) &&
	       clean_list_n(givens_m, COUNT(givens_m), bad) && clean_list_n(givens_f, COUNT(givens_f), bad) &&
	       clean_list_n(middles_m, COUNT(middles_m), bad) && clean_list_n(middles_f, COUNT(middles_f), bad);
}
