using System.Security.Cryptography;
using System.Text;

namespace Certifications.Functions.Certificates;

/// <summary>
/// The one script a verification page runs: "verify this file" hashes a dropped or chosen PDF in the browser (nothing is
/// uploaded) and says whether it is the PDF that was issued. The page's policy allows this script by its hash alone; the
/// page works without it (the box stays hidden, and the fingerprint is printed for anyone who checks by hand).
/// </summary>
public static class VerificationScript
{
    public const string Source =
        "(()=>{const box=document.getElementById('verify-file');if(!box||!window.crypto||!crypto.subtle)return;box.hidden=false;" +
        "const input=box.querySelector('input'),out=box.querySelector('output'),expected=box.dataset.sha256;" +
        "const check=async file=>{const d=new Uint8Array(await crypto.subtle.digest('SHA-256',await file.arrayBuffer()));" +
        "const hex=Array.from(d,b=>b.toString(16).padStart(2,'0')).join('');const same=hex===expected;" +
        "out.className=same?'match':'mismatch';out.textContent=same?box.dataset.match:box.dataset.mismatch;};" +
        "input.addEventListener('change',()=>{if(input.files[0])check(input.files[0]);});" +
        "box.addEventListener('dragover',e=>e.preventDefault());" +
        "box.addEventListener('drop',e=>{e.preventDefault();if(e.dataTransfer.files[0])check(e.dataTransfer.files[0]);});})();";

    /// <summary>The policy's source for this script: its SHA-256, computed once.</summary>
    public static readonly string Hash = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Source)))}'";
}
