import { QRCode } from "antd";

/**
 * The otpauth:// address as a QR code an authenticator app scans. Drawn as SVG by antd's QRCode, which renders with
 * @rc-component/qrcode (the maintained fork of qrcode.react that antd ships): no extra package. Dark on white with a
 * quiet zone, at a size phone cameras read from a screen.
 */
export function TotpQr({ uri, label }: { uri: string; label: string }) {
  return (
    <div className="totp-qr" role="img" aria-label={label} data-testid="totp-qr">
      <QRCode value={uri} type="svg" size={192} color="#000000" bgColor="#ffffff" errorLevel="M" bordered={false} />
    </div>
  );
}
